package org.hakoniwa.bridge.bench.harness;

import java.util.Map;
import java.util.TreeMap;

/**
 * What happened between two {@link Snapshot}s.
 *
 * @param seconds length of the window
 * @param deliveries messages the clients received, all together
 * @param bytes bytes they received (whole frames, header included)
 * @param minClientDeliveries the least any one client received
 * @param maxClientDeliveries the most any one client received
 * @param published publishes the host made
 * @param serverSent frames the server handed to the network
 * @param drops frames the server did not send, by reason
 * @param serverCpuNanos CPU time of the server JVM
 * @param serverSystemNanos the part of it spent in the kernel (10 ms resolution)
 * @param serverContextSwitches voluntary context switches of the server's threads (a thread blocked or parked)
 * @param clientCpuNanos CPU time of the harness JVM (the load clients)
 * @param serverThreadCpu the server's CPU time by thread group (see {@code ProcessMetrics.threadCpuByGroup})
 * @param serverGcCount garbage collections in the server
 * @param serverGcMillis time the server's collections took (for G1: mostly pauses)
 */
record Window(double seconds, long deliveries, long bytes, long minClientDeliveries, long maxClientDeliveries,
        long published, long serverSent, Map<String, Long> drops, long serverCpuNanos, long serverSystemNanos,
        long serverContextSwitches, long clientCpuNanos, Map<String, Long> serverThreadCpu, long serverGcCount,
        long serverGcMillis) {
    /** What the process used beyond its live Java threads: garbage collection, JIT compilation, ended threads. */
    static final String JVM_INTERNAL = "jvm-gc-jit-other";

    static Window between(Snapshot start, Snapshot end) {
        long deliveries = 0;
        long bytes = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < start.messages().length; i++) {
            long received = end.messages()[i] - start.messages()[i];
            deliveries += received;
            bytes += end.bytes()[i] - start.bytes()[i];
            min = Math.min(min, received);
            max = Math.max(max, received);
        }
        Map<String, Long> drops = new TreeMap<>();
        for (Map.Entry<String, Long> entry : end.server().entrySet()) {
            if (entry.getKey().startsWith("drop.")) {
                long dropped = entry.getValue() - start.server(entry.getKey());
                if (dropped != 0) {
                    drops.put(entry.getKey().substring("drop.".length()), dropped);
                }
            }
        }
        Map<String, Long> threads = new TreeMap<>();
        long javaThreads = 0;
        for (Map.Entry<String, Long> entry : end.server().entrySet()) {
            if (entry.getKey().startsWith("thread.")) {
                long used = Math.max(0, entry.getValue() - start.server(entry.getKey()));
                javaThreads += used;
                if (used > 0) {
                    threads.put(entry.getKey().substring("thread.".length()), used);
                }
            }
        }
        long cpu = end.server("cpu") - start.server("cpu");
        threads.put(JVM_INTERNAL, Math.max(0, cpu - javaThreads));
        return new Window((end.nanos() - start.nanos()) / 1e9, deliveries, bytes,
                min == Long.MAX_VALUE ? 0 : min, max, end.server("published") - start.server("published"),
                end.server("sent") - start.server("sent"), drops, cpu,
                end.server("cpu.sys") - start.server("cpu.sys"), end.server("ctxsw") - start.server("ctxsw"),
                end.clientCpuNanos() - start.clientCpuNanos(), threads, end.server("gc.count") - start.server("gc.count"),
                end.server("gc.millis") - start.server("gc.millis"));
    }

    /** Two windows as one: counts and times added, the client extremes of both. */
    Window plus(Window other) {
        Map<String, Long> drops = new TreeMap<>(this.drops);
        other.drops.forEach((reason, count) -> drops.merge(reason, count, Long::sum));
        Map<String, Long> threads = new TreeMap<>(this.serverThreadCpu);
        other.serverThreadCpu.forEach((group, nanos) -> threads.merge(group, nanos, Long::sum));
        return new Window(seconds + other.seconds, deliveries + other.deliveries, bytes + other.bytes,
                Math.min(minClientDeliveries, other.minClientDeliveries),
                Math.max(maxClientDeliveries, other.maxClientDeliveries), published + other.published,
                serverSent + other.serverSent, drops, serverCpuNanos + other.serverCpuNanos,
                serverSystemNanos + other.serverSystemNanos, serverContextSwitches + other.serverContextSwitches,
                clientCpuNanos + other.clientCpuNanos, threads, serverGcCount + other.serverGcCount,
                serverGcMillis + other.serverGcMillis);
    }

    double deliveriesPerSecond() {
        return deliveries / seconds;
    }

    double megabytesPerSecond() {
        return bytes / seconds / 1e6;
    }

    double publishesPerSecond() {
        return published / seconds;
    }

    double dropsPerSecond() {
        return drops.values().stream().mapToLong(Long::longValue).sum() / seconds;
    }

    /** Server CPU as a share of one core, in percent (200 % = both cores of a 2-core machine). */
    double serverCpuPercent() {
        return serverCpuNanos / seconds / 1e7;
    }

    /** The kernel's share of the server's CPU time, in percent. */
    double serverSystemShare() {
        return serverCpuNanos == 0 ? Double.NaN : 100.0 * serverSystemNanos / serverCpuNanos;
    }

    /** Voluntary context switches of the server per delivered message. */
    double serverContextSwitchesPerDelivery() {
        return deliveries == 0 ? Double.NaN : (double) serverContextSwitches / deliveries;
    }

    /** The server's CPU by thread group, biggest first, each as a share of one core: {@code bridge-jetty 45%, …}. */
    String cpuBreakdown() {
        return serverThreadCpu.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(entry -> entry.getValue() / seconds / 1e7 >= 1)
                .map(entry -> String.format(java.util.Locale.ROOT, "%s %.0f%%", entry.getKey(),
                        entry.getValue() / seconds / 1e7))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    double clientCpuPercent() {
        return clientCpuNanos / seconds / 1e7;
    }

    /** Server CPU time per delivered message, in microseconds: the cost of one delivery. */
    double serverCpuMicrosPerDelivery() {
        return deliveries == 0 ? Double.NaN : serverCpuNanos / 1e3 / deliveries;
    }
}
