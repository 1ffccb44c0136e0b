package org.hakoniwa.bridge.rpc.header;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;

/**
 * {@code ServiceRequestHeader} (268 bytes): request_id u32 @0, service_name char[128] @4, client_name char[128]
 * @132, opcode u8 @260, status_poll_interval_msec i32 @264.
 */
public record RequestHeader(long requestId, String serviceName, String clientName, int opcode,
        int pollIntervalMsec) {
    public static final int SIZE = 268;

    public RequestHeader {
        requireNonNull(serviceName, "serviceName is null");
        requireNonNull(clientName, "clientName is null");
        if (requestId < 0 || requestId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("requestId is not a u32: " + requestId);
        }
    }

    public boolean isCancel() {
        return opcode == RpcOpcode.CANCEL.code();
    }

    /** Writes this header at {@code offset} of a little-endian buffer. */
    void writeTo(ByteBuffer out, int offset) {
        out.putInt(offset, (int) requestId);
        Layout.putName(out, offset + 4, serviceName, "service_name");
        Layout.putName(out, offset + 132, clientName, "client_name");
        out.put(offset + 260, (byte) opcode);
        out.putInt(offset + 264, pollIntervalMsec);
    }

    static RequestHeader readFrom(ByteBuffer in, int offset) throws RpcFormatException {
        return new RequestHeader(Integer.toUnsignedLong(in.getInt(offset)), Layout.getName(in, offset + 4,
                "service_name"), Layout.getName(in, offset + 132, "client_name"), in.get(offset + 260) & 0xFF,
                in.getInt(offset + 264));
    }
}
