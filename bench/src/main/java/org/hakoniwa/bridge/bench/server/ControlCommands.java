package org.hakoniwa.bridge.bench.server;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hakoniwa.bridge.bench.common.ControlReply;
import org.hakoniwa.bridge.bench.common.ProcessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server JVM's control commands, one line each, answered with one {@code OK k=v …} or {@code ERR text} line:
 *
 * <ul>
 *   <li>{@code READERS}: connections a publish reaches now ({@code readers=});
 *   <li>{@code AWAIT_READERS n timeoutMs}: waits until exactly n (clients come and go asynchronously);
 *   <li>{@code PUBLISH_MAX size}: publishes bodies of that size back to back until {@code STOP};
 *   <li>{@code PUBLISH_RATE hz size}: publishes stamped bodies at that rate until {@code STOP};
 *   <li>{@code STOP}: stops publishing;
 *   <li>{@code SNAP}: process CPU time, publishes, heap used now and the server's cumulative counters;
 *   <li>{@code CLIENT port}: the counters of the client that connected from that port;
 *   <li>{@code MEM}: heap used after full collections, VmRSS, threads;
 *   <li>{@code HISTO n}: the n classes with the most live bytes ({@code c.<class>=bytes}), after a full collection;
 *   <li>{@code QUIT}: stops the server JVM.
 * </ul>
 */
final class ControlCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ControlCommands.class);

    private final ServerUnderTest server;
    private final Publisher publisher;
    private boolean quitting;

    ControlCommands(ServerUnderTest server, Publisher publisher) {
        this.server = requireNonNull(server, "server is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
    }

    /** Runs one command line; never throws. */
    String execute(String line) {
        String[] words = line.split("\\s+");
        try {
            return switch (words[0]) {
                case "READERS" -> ok(Map.of("readers", server.readers()));
                case "AWAIT_READERS" -> awaitReaders(Integer.parseInt(words[1]), Long.parseLong(words[2]));
                case "PUBLISH_MAX" -> {
                    publisher.startMax(Integer.parseInt(words[1]));
                    yield ok(Map.of());
                }
                case "PUBLISH_RATE" -> {
                    publisher.startRate(Double.parseDouble(words[1]), Integer.parseInt(words[2]));
                    yield ok(Map.of());
                }
                case "STOP" -> {
                    publisher.stop();
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("published", publisher.published());
                    fields.put("errors", publisher.errors());
                    if (publisher.errors() > 0) {
                        fields.put("lastError", publisher.lastError());
                    }
                    yield ok(fields);
                }
                case "SNAP" -> snapshot();
                case "CLIENT" -> ok(server.client(Integer.parseInt(words[1])));
                case "MEM" -> memory();
                case "HISTO" -> histogram(Integer.parseInt(words[1]));
                case "QUIT" -> {
                    quitting = true;
                    yield ok(Map.of());
                }
                default -> "ERR unknown command " + words[0];
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ERR interrupted";
        } catch (RuntimeException e) {
            LOG.warn("control command '{}' failed", line, e);
            return "ERR " + e;
        }
    }

    boolean quitting() {
        return quitting;
    }

    void stopPublishing() {
        try {
            publisher.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String awaitReaders(int wanted, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        int readers;
        while ((readers = server.readers()) != wanted) {
            if (System.nanoTime() - deadline > 0) {
                return "ERR only " + readers + " of " + wanted + " readers after " + timeoutMillis + " ms";
            }
            Thread.sleep(5);
        }
        return ok(Map.of("readers", readers));
    }

    private String snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cpu", ProcessMetrics.cpuNanos());
        long[] userAndSystem = ProcessMetrics.userAndSystemNanos();
        fields.put("cpu.user", userAndSystem[0]);
        fields.put("cpu.sys", userAndSystem[1]);
        fields.put("ctxsw", ProcessMetrics.voluntaryContextSwitches());
        long[] gc = ProcessMetrics.gcCountAndMillis();
        fields.put("gc.count", gc[0]);
        fields.put("gc.millis", gc[1]);
        ProcessMetrics.threadCpuByGroup().forEach((group, nanos) -> fields.put("thread." + group, nanos));
        fields.put("nanos", System.nanoTime());
        fields.put("published", publisher.published());
        fields.put("errors", publisher.errors());
        fields.put("heap.now", ProcessMetrics.heapUsed());
        fields.putAll(server.counters());
        return ok(fields);
    }

    private String memory() throws InterruptedException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("heap", ProcessMetrics.heapAfterGc());
        fields.put("rss", ProcessMetrics.rssBytes());
        fields.put("threads", ProcessMetrics.threads());
        fields.put("readers", server.readers());
        return ok(fields);
    }

    private static String histogram(int classes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        ProcessMetrics.classHistogram().entrySet().stream().limit(classes)
                .forEach(entry -> fields.put("c." + entry.getKey(), entry.getValue()));
        return ok(fields);
    }

    private static String ok(Map<String, ?> fields) {
        return ControlReply.format("OK", fields);
    }
}
