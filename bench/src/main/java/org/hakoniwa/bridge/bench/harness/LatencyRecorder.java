package org.hakoniwa.bridge.bench.harness;

import java.util.Arrays;

/** Latency samples of one client, kept whole (every sample, no buckets), so percentiles are exact. Thread-safe. */
final class LatencyRecorder {
    private final Object lock = new Object();
    // guarded by lock: samples, count
    private long[] samples = new long[1024];
    private int count;

    void add(long sample) {
        synchronized (lock) {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, samples.length * 2);
            }
            samples[count++] = sample;
        }
    }

    /** The samples so far, in arrival order. */
    long[] snapshot() {
        synchronized (lock) {
            return Arrays.copyOf(samples, count);
        }
    }

    void clear() {
        synchronized (lock) {
            count = 0;
        }
    }
}
