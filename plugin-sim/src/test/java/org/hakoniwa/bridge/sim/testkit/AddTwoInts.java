package org.hakoniwa.bridge.sim.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** hako_srv_msgs/AddTwoInts structs, as the Python client encodes them. */
public final class AddTwoInts {
    /** The request and response structs hold int64 fields: they start at offset 272 after PduMetaData. */
    public static final int ALIGNMENT = 8;

    private AddTwoInts() {
    }

    public static ByteBuffer request(long a, long b) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, a).putLong(8, b);
    }

    public static long sum(ByteBuffer response) {
        return response.order(ByteOrder.LITTLE_ENDIAN).getLong(response.position());
    }
}
