package org.hakoniwa.bridge.bench.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StalledClientTest {
    @Test
    void acceptFor_rfc6455Example_matches() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", StalledClient.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void maskedBinaryFrame_shortPayload_usesOneLengthByte() {
        byte[] frame = StalledClient.maskedBinaryFrame(new byte[] {1, 2, 3}, new byte[] {0x10, 0x20, 0x30, 0x40});
        assertArrayEquals(new byte[] {(byte) 0x82, (byte) 0x83, 0x10, 0x20, 0x30, 0x40, 0x11, 0x22, 0x33}, frame);
    }

    @Test
    void maskedBinaryFrame_304Bytes_usesTwoLengthBytesAndMasksEveryByte() {
        byte[] payload = new byte[304];
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = StalledClient.maskedBinaryFrame(payload, mask);
        assertEquals(2 + 2 + 4 + 304, frame.length);
        assertEquals((byte) (0x80 | 126), frame[1]);
        assertEquals(304, ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF));
        for (int i = 0; i < payload.length; i++) {
            assertEquals(mask[i & 3], frame[8 + i]);
        }
    }
}
