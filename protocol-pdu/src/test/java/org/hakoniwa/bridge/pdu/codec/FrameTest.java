package org.hakoniwa.bridge.pdu.codec;

import static org.hakoniwa.bridge.pdu.codec.Crafted.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hakoniwa.bridge.spi.PduKey;
import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void constructor_takesTheRemainingBytesAsAReadOnlyBodyAtPositionZero() {
        ByteBuffer source = ByteBuffer.wrap(bytes(9, 1, 2, 3, 9)).position(1).limit(4);

        Frame frame = Frame.of(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, source);

        assertEquals(3, frame.bodyLength());
        assertArrayEquals(bytes(1, 2, 3), frame.bodyBytes());
        assertTrue(frame.body().isReadOnly());
        assertEquals(0, frame.body().position());
        assertEquals(1, source.position());
        assertEquals(4, source.limit());
    }

    @Test
    void body_isAFreshLittleEndianViewThatCannotMoveTheFrame() {
        Frame frame = Frame.of(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.wrap(bytes(1, 0, 0, 0)));

        ByteBuffer first = frame.body();
        first.position(4);

        assertEquals(ByteOrder.LITTLE_ENDIAN, first.order());
        assertEquals(1, frame.body().getInt());
        assertEquals(4, frame.bodyLength());
    }

    @Test
    void bodyBytes_isACopy() {
        Frame frame = Frame.of(FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.wrap(bytes(1, 2)));

        frame.bodyBytes()[0] = 42;

        assertArrayEquals(bytes(1, 2), frame.bodyBytes());
    }

    @Test
    void equals_comparesTheBodyByContent() {
        Frame a = new Frame(FrameForm.V2_200, MessageType.PDU_DATA, "Drone", 9, ByteBuffer.wrap(bytes(1, 2)), 1, 2, 3);
        Frame b = new Frame(FrameForm.V2_200, MessageType.PDU_DATA, "Drone", 9,
                ByteBuffer.allocateDirect(2).put(bytes(1, 2)).flip(), 1, 2, 3);
        Frame c = new Frame(FrameForm.V2_200, MessageType.PDU_DATA, "Drone", 9, ByteBuffer.wrap(bytes(1, 3)), 1, 2, 3);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
    }

    @Test
    void of_hasZeroTimes_andKeyIsRobotAndChannel() {
        Frame frame = Frame.of(FrameForm.V2_304, MessageType.REGISTER_RPC_CLIENT, "Service/Add", -1, ByteBuffer.allocate(0));

        assertEquals(0L, frame.hakoTimeUs() | frame.assetTimeUs() | frame.realTimeUs());
        assertEquals(new PduKey("Service/Add", -1), frame.key());
    }

    @Test
    void toString_namesTheFieldsAndTheBodyLengthOnly() {
        Frame frame = Frame.of(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.allocate(72));

        assertEquals("Frame[form=V2_304, type=PDU_DATA, robot=drone1, channel=0, body=72 bytes, hakoTimeUs=0, "
                + "assetTimeUs=0, realTimeUs=0]", frame.toString());
    }

    @Test
    void constructor_null_isRefusedByName() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Frame.of(FrameForm.V1, MessageType.PDU_DATA, null, 0, ByteBuffer.allocate(0)));
        NullPointerException body = assertThrows(NullPointerException.class,
                () -> Frame.of(FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, null));

        assertEquals("robot is null", e.getMessage());
        assertEquals("body is null", body.getMessage());
    }
}
