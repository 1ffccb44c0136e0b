package org.hakoniwa.bridge.bench.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import org.hakoniwa.bridge.sim.demo.Twist;

/**
 * The PDU bodies the benchmark publishes, and the publish time some of them carry. Every body starts with the
 * 24-byte PduMetaData of WIRE.md section 5; a 72-byte body is a {@code geometry_msgs/Twist}. The publish time is
 * the wall clock in microseconds since the epoch, written as a float64 where a Twist keeps {@code linear.x} (body
 * offset 24), and a sequence number where it keeps {@code linear.y} (offset 32): exact as doubles for centuries.
 */
public final class BenchBodies {
    /** A Twist body. */
    public static final int TWIST = Twist.BODY_SIZE;
    /** The largest body whose v2-304 frame fits the 1 MiB message limit: 1 MiB less the 304-byte header. */
    public static final int LARGEST = (1 << 20) - 304;
    /** Where a v2-304 frame's body starts. */
    public static final int V2_HEADER = 304;

    private static final int META = 24;
    private static final int STAMP_AT = META;
    private static final int SEQUENCE_AT = META + 8;

    private BenchBodies() {
    }

    /** A little-endian body of {@code size} bytes (at least {@link #TWIST}): PduMetaData, a Twist, then filler. */
    public static ByteBuffer body(int size) {
        if (size < TWIST) {
            throw new IllegalArgumentException("bodies are at least " + TWIST + " bytes (a Twist), got " + size);
        }
        ByteBuffer twist = new Twist(2.0, 0, 1.0, 0, 0, 2.0).encode();
        ByteBuffer body = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        body.put(twist);
        if (size > TWIST) {
            // A bigger PDU: the same meta data with the heap past the Twist, then a recognisable pattern.
            body.putInt(12, size).putInt(16, size);
            for (int i = TWIST; i < size; i++) {
                body.put(i, (byte) i);
            }
        }
        return body.clear();
    }

    /** Writes the current wall-clock time and {@code sequence} into {@code body}; returns the time in micros. */
    public static long stamp(ByteBuffer body, long sequence) {
        long micros = nowMicros();
        body.putDouble(STAMP_AT, micros);
        body.putDouble(SEQUENCE_AT, sequence);
        return micros;
    }

    /** The publish time carried in a body view (position 0 = the body's first byte), in micros. */
    public static long stampMicros(ByteBuffer body) {
        return (long) body.order(ByteOrder.LITTLE_ENDIAN).getDouble(body.position() + STAMP_AT);
    }

    /** The wall clock in microseconds since the epoch. Both JVMs read the same clock, so the difference is latency. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
