package org.hakoniwa.bridge.bench.common;

/**
 * The topic every benchmark publishes and every load client reads: {@code drone1/pos}, channel 0 of the bridge's
 * bundled demo definition (declared as a 72-byte Twist; the bridge does not check body sizes on publish, so the
 * bigger bodies travel on it too).
 */
public final class BenchTopic {
    public static final String ROBOT = "drone1";
    public static final int CHANNEL = 0;

    private BenchTopic() {
    }
}
