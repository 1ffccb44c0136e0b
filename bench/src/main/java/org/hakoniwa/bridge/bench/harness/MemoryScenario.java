package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hakoniwa.bridge.bench.common.ControlReply;

/**
 * Scenario 5, in fresh server JVMs. Idle connections: heap after full collections and VmRSS of the server before
 * and after N clients connected and declared read, divided by N, and again once they left (a leak shows there).
 * Stalled client: a stalled client and a normal one while the host publishes 64 KiB bodies back to back; the
 * server's heap after full collections is sampled every second and compared with the queue limits, under the
 * default latest-wins policy and under drop-oldest (which lets a queue fill to its limits).
 */
final class MemoryScenario {
    static final int STALLED_BODY = 64 * 1024;

    /**
     * Idle-connection figures of one server.
     *
     * @param server bridge or baseline
     * @param connections N
     * @param heapBefore heap after GC with no client
     * @param heapAfter heap after GC with N idle clients
     * @param heapAfterClose heap after GC once they all left
     * @param rssBefore VmRSS with no client
     * @param rssAfter VmRSS with N clients
     * @param threadsAfter server threads with N clients
     * @param heapAfterEachCycle heap after GC once they all left, for each connect-and-leave cycle: growing from
     *     cycle to cycle means something of each connection stays behind
     * @param grownClasses live bytes by class after the last cycle less after the first, the biggest growth first
     *     (empty with one cycle): where whatever stays behind lives
     */
    record Idle(String server, int connections, long heapBefore, long heapAfter, long heapAfterClose, long rssBefore,
            long rssAfter, long threadsAfter, List<Long> heapAfterEachCycle, Map<String, Long> grownClasses) {
        Idle {
            heapAfterEachCycle = List.copyOf(heapAfterEachCycle);
            grownClasses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(grownClasses));
        }

        double heapPerConnection() {
            return (heapAfter - heapBefore) / (double) connections;
        }

        double rssPerConnection() {
            return (rssAfter - rssBefore) / (double) connections;
        }
    }

    /**
     * Heap under a stalled client.
     *
     * @param policy the bridge's backpressure policy
     * @param bodyBytes body size published
     * @param seconds how long the host published
     * @param heapIdle heap after GC before publishing
     * @param heapMaxAfterGc the most heap after GC while publishing
     * @param heapSamples every heap-after-GC sample, in order
     * @param stalledQueue the stalled client's queue at the end (queued bytes, high water, drops)
     * @param clients clients connected while publishing (the stalled one and a normal one)
     * @param allQueuedBytes bytes waiting in every client's queue at the end
     * @param limits the bridge's queue limits
     */
    record Stalled(String policy, int bodyBytes, double seconds, long heapIdle, long heapMaxAfterGc,
            List<Long> heapSamples, Map<String, Long> stalledQueue, int clients, long allQueuedBytes,
            Map<String, String> limits) {
        long growth() {
            return heapMaxAfterGc - heapIdle;
        }

        /** What the queue limits allow: every client's queue full (frames in flight and Jetty's buffers aside). */
        long bound() {
            return clients * Long.parseLong(limits.getOrDefault("queue-bytes", "0"));
        }
    }

    /**
     * Everything this scenario measured.
     *
     * @param idle the bridge's and the baseline's idle figures
     * @param stalled the stalled-client runs
     */
    record Result(List<Idle> idle, List<Stalled> stalled) {
    }

    private final Path jar;
    private final LoadClients clients;
    private final BenchOptions options;

    MemoryScenario(Path jar, LoadClients clients, BenchOptions options) {
        this.jar = requireNonNull(jar, "jar is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.options = requireNonNull(options, "options is null");
    }

    Result run() throws BenchException {
        List<Idle> idle = new ArrayList<>();
        List<Stalled> stalled = new ArrayList<>();
        try (ServerProcess bridge = Servers.startBridge("bridge-mem", jar, options, "latest-wins")) {
            idle.add(idle("bridge", bridge, options.quick() ? 1 : 2));
            stalled.add(stalled(bridge, "latest-wins"));
        }
        try (ServerProcess baseline = Servers.startBaseline("baseline-mem", jar, options)) {
            idle.add(idle("baseline", baseline, 1));
        }
        try (ServerProcess bridge = Servers.startBridge("bridge-mem-drop-oldest", jar, options, "drop-oldest")) {
            stalled.add(stalled(bridge, "drop-oldest"));
        }
        return new Result(idle, stalled);
    }

    private Idle idle(String name, ServerProcess server, int cycles) throws BenchException {
        int n = options.connections();
        ControlReply before = server.command("MEM");
        ControlReply after = null;
        List<Long> afterEachCycle = new ArrayList<>();
        Map<String, Long> firstHistogram = Map.of();
        Map<String, Long> grown = Map.of();
        for (int cycle = 0; cycle < cycles; cycle++) {
            long connecting = System.nanoTime();
            List<Receiver> receivers = clients.connect(server.port(), n);
            server.command("AWAIT_READERS " + n + " 120000");
            Progress.say("memory: %d clients connected to the %s in %.1f s", n, name,
                    (System.nanoTime() - connecting) / 1e9);
            Pause.sleep(Duration.ofMillis(500));
            if (cycle == 0) {
                after = server.command("MEM");
            }
            clients.close(receivers);
            server.command("AWAIT_READERS 0 120000");
            Pause.sleep(Duration.ofMillis(500));
            afterEachCycle.add(server.command("MEM").longField("heap"));
            if (cycles > 1 && cycle == 0) {
                firstHistogram = histogram(server);
            } else if (cycles > 1 && cycle == cycles - 1) {
                grown = growth(firstHistogram, histogram(server));
            }
        }
        Idle figures = new Idle(name, n, before.longField("heap"), after.longField("heap"),
                afterEachCycle.get(afterEachCycle.size() - 1), before.longField("rss"), after.longField("rss"),
                after.longField("threads"), afterEachCycle, grown);
        Progress.say("memory: %s per idle connection: heap %s, RSS %s; heap after they left, cycle by cycle: %s",
                name, Sizes.bytes(figures.heapPerConnection()), Sizes.bytes(figures.rssPerConnection()),
                afterEachCycle.stream().map(Sizes::bytes).toList());
        return figures;
    }

    private static Map<String, Long> histogram(ServerProcess server) throws BenchException {
        Map<String, Long> bytes = new TreeMap<>();
        server.command("HISTO 300").fields().forEach((key, value) -> bytes.put(key.substring(2), Long.parseLong(value)));
        return bytes;
    }

    /** The eight classes whose live bytes grew most from {@code first} to {@code last}. */
    static Map<String, Long> growth(Map<String, Long> first, Map<String, Long> last) {
        Map<String, Long> grown = new java.util.LinkedHashMap<>();
        last.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - first.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(entry -> grown.put(entry.getKey(), entry.getValue()));
        return grown;
    }

    private Stalled stalled(ServerProcess server, String policy) throws BenchException {
        long heapIdle = server.command("MEM").longField("heap");
        List<Long> samples = new ArrayList<>();
        Map<String, Long> queue;
        long allQueued;
        long started;
        double seconds;
        try (StalledClient stalled = StalledClient.connect(server.port())) {
            server.command("AWAIT_READERS 1 60000");
            List<Receiver> normal = clients.connect(server.port(), 1);
            server.command("AWAIT_READERS 2 60000");
            try {
                server.command("PUBLISH_MAX " + STALLED_BODY);
                started = System.nanoTime();
                try {
                    for (int i = 0; i < options.timing().stalledSamples(); i++) {
                        Pause.sleep(Duration.ofSeconds(1));
                        samples.add(server.command("MEM").longField("heap"));
                    }
                    queue = new TreeMap<>();
                    server.command("CLIENT " + stalled.localPort()).fields()
                            .forEach((key, value) -> queue.put(key, Long.parseLong(value)));
                    allQueued = server.command("SNAP").longField("queued.bytes");
                } finally {
                    server.command("STOP");
                    seconds = (System.nanoTime() - started) / 1e9;
                }
            } finally {
                clients.close(normal);
            }
        }
        server.command("AWAIT_READERS 0 60000");
        long max = samples.stream().mapToLong(Long::longValue).max().orElse(heapIdle);
        Map<String, String> limits = new TreeMap<>();
        for (String key : List.of("queue-depth", "queue-bytes", "policy")) {
            limits.put(key, server.description().getOrDefault(key, "?"));
        }
        Stalled figures = new Stalled(policy, STALLED_BODY, seconds, heapIdle, max, samples, queue, 2, allQueued,
                limits);
        Progress.say("memory: stalled client under %s: heap after GC %s idle, at most %s while publishing"
                + " (+%s); its queue holds %s (high water %s), all queues %s", policy, Sizes.bytes(heapIdle),
                Sizes.bytes(max), Sizes.bytes(figures.growth()), Sizes.bytes(queue.getOrDefault("queued.bytes", 0L)),
                Sizes.bytes(queue.getOrDefault("highwater.bytes", 0L)), Sizes.bytes(allQueued));
        return figures;
    }
}
