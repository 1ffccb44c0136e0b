package org.hakoniwa.bridge.rpc.header;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers shared by the RPC structures: fixed name fields, alignment, PduMetaData. */
final class Layout {
    static final int NAME_FIELD = 128;
    static final int META_SIZE = 24;
    static final int META_MAGIC = 0x12345678;
    static final int META_VERSION = 1;

    private Layout() {
    }

    static int align(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    static ByteBuffer little(ByteBuffer buffer) {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes a NUL-padded UTF-8 name into a 128-byte field at {@code offset}. */
    static void putName(ByteBuffer out, int offset, String name, String field) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > NAME_FIELD - 1) {
            throw new IllegalArgumentException(field + " is " + utf8.length + " bytes of UTF-8; at most "
                    + (NAME_FIELD - 1) + " fit: " + name);
        }
        out.put(offset, utf8);
    }

    /** Reads a NUL-terminated UTF-8 name from a 128-byte field at {@code offset}. */
    static String getName(ByteBuffer in, int offset, String field) throws RpcFormatException {
        int length = 0;
        while (length < NAME_FIELD && in.get(offset + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        in.get(offset, bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RpcFormatException(field + " is not valid UTF-8");
        }
    }

    /** Writes a PduMetaData for a body of {@code baseSize} + {@code heapSize} bytes after it. */
    static void putMeta(ByteBuffer out, int baseSize, int heapSize) {
        out.putInt(0, META_MAGIC);
        out.putInt(4, META_VERSION);
        out.putInt(8, META_SIZE);
        out.putInt(12, META_SIZE + baseSize);
        out.putInt(16, META_SIZE + baseSize + heapSize);
        out.putInt(20, 0);
    }

    /** Checks the PduMetaData at the start of an RPC body. */
    static void checkMeta(ByteBuffer in, int minimumBase) throws RpcFormatException {
        if (in.remaining() < META_SIZE + minimumBase) {
            throw new RpcFormatException("RPC body of " + in.remaining() + " bytes is shorter than PduMetaData ("
                    + META_SIZE + ") plus the " + minimumBase + "-byte header");
        }
        int magic = in.getInt(in.position());
        if (magic != META_MAGIC) {
            throw new RpcFormatException(String.format("RPC body does not start with PduMetaData (magic 0x%08X,"
                    + " expected 0x%08X)", magic, META_MAGIC));
        }
    }
}
