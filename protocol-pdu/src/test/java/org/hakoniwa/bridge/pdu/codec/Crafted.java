package org.hakoniwa.bridge.pdu.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Builds hand-made and patched frames for the tests; every method returns a new array. */
final class Crafted {
    private Crafted() {
    }

    /** A copy of the bytes with a little-endian u32 written at the offset. */
    static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    /** A copy of the bytes with a little-endian u16 written at the offset. */
    static byte[] withShort(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
        return copy;
    }

    /** A copy of the bytes with these bytes written at the offset. */
    static byte[] withBytes(byte[] bytes, int offset, byte... patch) {
        byte[] copy = bytes.clone();
        System.arraycopy(patch, 0, copy, offset, patch.length);
        return copy;
    }

    /** The first {@code length} bytes, or the bytes followed by zeros up to {@code length}. */
    static byte[] resized(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** A v1 message with the given raw header_len (WIRE.md 2.3). */
    static byte[] v1(int headerLen, byte[] name, int channel, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(12 + name.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(headerLen).putInt(name.length).put(name).putInt(channel).put(body);
        return out.array();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] leInt(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
