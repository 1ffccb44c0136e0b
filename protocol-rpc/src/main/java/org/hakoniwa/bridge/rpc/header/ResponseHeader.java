package org.hakoniwa.bridge.rpc.header;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;

/**
 * {@code ServiceResponseHeader} (268 bytes): request_id u32 @0, service_name @4, client_name @132, status u8 @260,
 * processing_percentage u8 @261, result_code i32 @264.
 */
public record ResponseHeader(long requestId, String serviceName, String clientName, int status, int percentage,
        int resultCode) {
    public static final int SIZE = 268;

    public ResponseHeader {
        requireNonNull(serviceName, "serviceName is null");
        requireNonNull(clientName, "clientName is null");
    }

    /** The answer to {@code request} with the given outcome; names and request id are echoed. */
    public static ResponseHeader answering(RequestHeader request, RpcStatus status, int percentage,
            RpcResultCode result) {
        return new ResponseHeader(request.requestId(), request.serviceName(), request.clientName(), status.code(),
                percentage, result.code());
    }

    void writeTo(ByteBuffer out, int offset) {
        out.putInt(offset, (int) requestId);
        Layout.putName(out, offset + 4, serviceName, "service_name");
        Layout.putName(out, offset + 132, clientName, "client_name");
        out.put(offset + 260, (byte) status);
        out.put(offset + 261, (byte) percentage);
        out.putInt(offset + 264, resultCode);
    }

    static ResponseHeader readFrom(ByteBuffer in, int offset) throws RpcFormatException {
        return new ResponseHeader(Integer.toUnsignedLong(in.getInt(offset)), Layout.getName(in, offset + 4,
                "service_name"), Layout.getName(in, offset + 132, "client_name"), in.get(offset + 260) & 0xFF,
                in.get(offset + 261) & 0xFF, in.getInt(offset + 264));
    }
}
