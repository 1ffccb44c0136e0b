package org.hakoniwa.bridge.bench.harness;

import java.util.Arrays;
import java.util.List;

/**
 * Exact percentiles of a set of samples: all samples sorted, the nearest-rank value for each percentile.
 *
 * @param count how many samples
 * @param p50 median
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest sample
 */
record Percentiles(int count, long p50, long p99, long p999, long max) {
    static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

    static Percentiles of(List<long[]> parts) {
        int total = 0;
        for (long[] part : parts) {
            total += part.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return of(all);
    }

    static Percentiles of(long[] samples) {
        if (samples.length == 0) {
            return NONE;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 99), rank(sorted, 99.9),
                sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest sample with at least p% of the samples at or below it. */
    static long rank(long[] sorted, double percentile) {
        // The small subtraction keeps binary rounding (99.9 * 1000 / 100 = 999.0000000000001) from adding a rank.
        int index = (int) Math.ceil(percentile * sorted.length / 100.0 - 1e-9) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
