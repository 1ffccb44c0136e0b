package org.hakoniwa.bridge.bench.harness;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hakoniwa.bridge.bench.common.ControlReply;
import org.hakoniwa.bridge.bench.common.ProcessMetrics;

/**
 * Counters of both sides at one moment: every load client's messages and bytes, the harness's CPU time and the
 * server's {@code SNAP} (its CPU time, publishes, drops). Two snapshots make a {@link Window}.
 *
 * @param nanos the harness's clock
 * @param messages messages received, per client
 * @param bytes bytes received, per client
 * @param clientCpuNanos the harness JVM's CPU time
 * @param server the server's counters
 */
record Snapshot(long nanos, long[] messages, long[] bytes, long clientCpuNanos, Map<String, Long> server) {
    static Snapshot take(List<Receiver> receivers, ServerProcess serverProcess) throws BenchException {
        ControlReply reply = serverProcess.command("SNAP");
        long now = System.nanoTime();
        long[] messages = new long[receivers.size()];
        long[] bytes = new long[receivers.size()];
        for (int i = 0; i < receivers.size(); i++) {
            messages[i] = receivers.get(i).messages();
            bytes[i] = receivers.get(i).bytes();
        }
        Map<String, Long> server = new TreeMap<>();
        reply.fields().forEach((key, value) -> server.put(key, Long.parseLong(value)));
        return new Snapshot(now, messages, bytes, ProcessMetrics.cpuNanos(), server);
    }

    long server(String key) {
        return server.getOrDefault(key, 0L);
    }
}
