package org.hakoniwa.bridge.sim.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code geometry_msgs/Twist} as a Hakoniwa PDU: a 24-byte PduMetaData, then linear x, y, z and angular x, y, z as
 * little-endian float64 (a 72-byte body).
 */
public record Twist(double linearX, double linearY, double linearZ, double angularX, double angularY,
        double angularZ) {
    public static final int BODY_SIZE = 72;
    private static final int META = 24;
    private static final int BASE = 48;

    public ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(BODY_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x12345678).putInt(1).putInt(META).putInt(META + BASE).putInt(META + BASE).putInt(0);
        out.putDouble(linearX).putDouble(linearY).putDouble(linearZ);
        out.putDouble(angularX).putDouble(angularY).putDouble(angularZ);
        return out.flip();
    }

    /** Decodes a Twist body; the buffer's position is not moved. */
    public static Twist decode(ByteBuffer body) {
        if (body.remaining() < BODY_SIZE) {
            throw new IllegalArgumentException("a Twist body is " + BODY_SIZE + " bytes, got " + body.remaining());
        }
        ByteBuffer in = body.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int p = in.position() + META;
        return new Twist(in.getDouble(p), in.getDouble(p + 8), in.getDouble(p + 16), in.getDouble(p + 24),
                in.getDouble(p + 32), in.getDouble(p + 40));
    }
}
