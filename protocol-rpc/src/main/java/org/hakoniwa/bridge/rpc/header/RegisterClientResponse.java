package org.hakoniwa.bridge.rpc.header;

/**
 * {@code RegisterClientResponse}: service_id, client_id, request_channel_id, response_channel_id (4 × u32),
 * right after the response header.
 */
public record RegisterClientResponse(int serviceId, int clientId, int requestChannelId, int responseChannelId) {
    public static final int SIZE = 16;
    public static final RegisterClientResponse NONE = new RegisterClientResponse(0, 0, 0, 0);

    java.nio.ByteBuffer encode() {
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.putInt(serviceId).putInt(clientId).putInt(requestChannelId).putInt(responseChannelId).flip();
        return out;
    }

    static RegisterClientResponse decode(java.nio.ByteBuffer payload) throws RpcFormatException {
        if (payload.remaining() < SIZE) {
            throw new RpcFormatException("RegisterClientResponse needs " + SIZE + " bytes, got " + payload.remaining());
        }
        java.nio.ByteBuffer in = Layout.little(payload);
        int p = in.position();
        return new RegisterClientResponse(in.getInt(p), in.getInt(p + 4), in.getInt(p + 8), in.getInt(p + 12));
    }
}
