package org.hakoniwa.bridge.bench.harness;

import java.time.Duration;

/**
 * How long each part runs. Every throughput figure is taken over a measured window after a warm-up with the load
 * already on; the full run fits in about 10 minutes on 2 cores, the quick one in about 2.
 *
 * @param warmup load before a throughput window (fan-out, RPC)
 * @param measure a throughput window (fan-out, RPC, isolation)
 * @param rounds windows per fan-out row and server, and per isolation row and case: the two take turns this many
 *     times, so that a change in the machine's load hits both
 * @param latencyWarmup the 1 kHz stream before samples are kept
 * @param latencyMeasure samples kept per latency row
 * @param stallSettle time for a stalled client's socket buffers to fill before an isolation window
 * @param stalledSamples one-second heap samples under a stalled client
 * @param jmhWarmupIterations JMH warm-up iterations per benchmark
 * @param jmhIterations JMH measured iterations per benchmark
 * @param jmhIterationTime length of one JMH iteration
 */
record Timing(Duration warmup, Duration measure, int rounds, Duration latencyWarmup, Duration latencyMeasure,
        Duration stallSettle, int stalledSamples, int jmhWarmupIterations, int jmhIterations,
        Duration jmhIterationTime) {
    static final Timing FULL = new Timing(Duration.ofMillis(400), Duration.ofMillis(800), 4, Duration.ofMillis(1000),
            Duration.ofMillis(5000), Duration.ofMillis(1500), 6, 3, 5, Duration.ofMillis(1000));
    static final Timing QUICK = new Timing(Duration.ofMillis(300), Duration.ofMillis(700), 1, Duration.ofMillis(300),
            Duration.ofMillis(1000), Duration.ofMillis(500), 3, 1, 2, Duration.ofMillis(300));

    /** The window of a scenario measured in one piece (RPC): as long as a fan-out row's rounds together. */
    Duration window() {
        return measure.multipliedBy(rounds);
    }

    Timing withMeasure(Duration newMeasure) {
        return new Timing(warmup, newMeasure, rounds, latencyWarmup, latencyMeasure, stallSettle, stalledSamples,
                jmhWarmupIterations, jmhIterations, jmhIterationTime);
    }

    Timing withLatencyMeasure(Duration newMeasure) {
        return new Timing(warmup, measure, rounds, latencyWarmup, newMeasure, stallSettle, stalledSamples,
                jmhWarmupIterations, jmhIterations, jmhIterationTime);
    }
}
