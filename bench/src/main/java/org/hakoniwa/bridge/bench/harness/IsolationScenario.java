package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hakoniwa.bridge.bench.common.BenchBodies;
import org.hakoniwa.bridge.bench.common.ControlReply;

/**
 * Scenario 4: K − 1 normal clients read the back-to-back Twist stream, alone and beside a {@link StalledClient}
 * (K clients in all), in alternating windows. The figure is the normal clients' deliveries per second beside the
 * stalled client as a share of the same without it. K = 1 has no normal client.
 */
final class IsolationScenario {
    /**
     * One row.
     *
     * @param clients K, the stalled client included
     * @param alone the K − 1 normal clients without the stalled one; null when K = 1
     * @param beside the K − 1 normal clients beside the stalled one; null when K = 1
     * @param stalledSent frames the server handed to the stalled clients' connections during their windows
     * @param stalledQueue the last stalled client's queue at the end of its window, as the server reports it
     */
    record Row(int clients, Window alone, Window beside, long stalledSent, Map<String, Long> stalledQueue) {
        /** Null (n/a) when there is no normal client. */
        Double ratio() {
            if (alone == null || beside == null || alone.deliveriesPerSecond() == 0) {
                return null;
            }
            return beside.deliveriesPerSecond() / alone.deliveriesPerSecond();
        }
    }

    private final Servers servers;
    private final LoadClients clients;
    private final BenchOptions options;

    IsolationScenario(Servers servers, LoadClients clients, BenchOptions options) {
        this.servers = requireNonNull(servers, "servers is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.options = requireNonNull(options, "options is null");
    }

    List<Row> run() throws BenchException {
        List<Row> rows = new ArrayList<>();
        for (int k : options.clients()) {
            if (k < 2) {
                rows.add(new Row(k, null, null, 0, Map.of()));
                Progress.say("isolation K=%d: n/a (no normal client)", k);
                continue;
            }
            Row row = measure(k);
            Progress.say("isolation K=%d: normal clients %.0f/s alone, %.0f/s beside a stalled client, ratio %.2f",
                    k, row.alone().deliveriesPerSecond(), row.beside().deliveriesPerSecond(), row.ratio());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The normal clients stay connected and the host keeps publishing; windows without and with the stalled client
     * take turns, {@code rounds} times each, with a fresh stalled client each time.
     */
    private Row measure(int k) throws BenchException {
        ServerProcess server = servers.bridge();
        List<Receiver> normal = servers.connect(server, clients, k - 1);
        Window alone = null;
        Window beside = null;
        long stalledSent = 0;
        Map<String, Long> stalledQueue = Map.of();
        try {
            server.command("PUBLISH_MAX " + BenchBodies.TWIST);
            try {
                // As long as a stalled window waits before it starts, so that the first window is not the colder one.
                Pause.sleep(options.timing().warmup().plus(options.timing().stallSettle()));
                for (int round = 0; round < options.timing().rounds(); round++) {
                    boolean aloneFirst = round % 2 == 0;
                    if (aloneFirst) {
                        alone = add(alone, window(server, normal));
                    }
                    try (StalledClient stalled = StalledClient.connect(server.port())) {
                        server.command("AWAIT_READERS " + k + " 60000");
                        awaitStall(server, stalled.localPort());
                        Map<String, Long> before = client(server, stalled.localPort());
                        beside = add(beside, window(server, normal));
                        stalledQueue = client(server, stalled.localPort());
                        stalledSent += stalledQueue.getOrDefault("sent", 0L) - before.getOrDefault("sent", 0L);
                    }
                    server.command("AWAIT_READERS " + (k - 1) + " 60000");
                    if (!aloneFirst) {
                        alone = add(alone, window(server, normal));
                    }
                }
            } finally {
                server.command("STOP");
                Pause.quiesce(normal);
            }
        } finally {
            servers.disconnect(server, clients, normal);
        }
        return new Row(k, alone, beside, stalledSent, stalledQueue);
    }

    /**
     * Waits at least the settle time, and then until the server no longer gets anything out to the stalled client
     * (its sent count stands still for 300 ms with a frame waiting): with many clients each one gets fewer frames,
     * and the kernel's socket buffers (megabytes on loopback) take longer to fill. Gives up after 15 s.
     */
    private void awaitStall(ServerProcess server, int port) throws BenchException {
        Pause.sleep(options.timing().stallSettle());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        long lastSent = -1;
        while (System.nanoTime() - deadline < 0) {
            Map<String, Long> figures = client(server, port);
            long sent = figures.getOrDefault("sent", 0L);
            if (sent == lastSent && figures.getOrDefault("queued.frames", 0L) > 0) {
                return;
            }
            lastSent = sent;
            Pause.sleep(java.time.Duration.ofMillis(300));
        }
        Progress.say("isolation: the stalled client still received frames after 15 s; measuring anyway");
    }

    private Window window(ServerProcess server, List<Receiver> normal) throws BenchException {
        Snapshot start = Snapshot.take(normal, server);
        Pause.sleep(options.timing().measure());
        return Window.between(start, Snapshot.take(normal, server));
    }

    private static Window add(Window sum, Window more) {
        return sum == null ? more : sum.plus(more);
    }

    private static Map<String, Long> client(ServerProcess server, int port) throws BenchException {
        ControlReply reply = server.command("CLIENT " + port);
        Map<String, Long> figures = new TreeMap<>();
        reply.fields().forEach((key, value) -> figures.put(key, Long.parseLong(value)));
        return figures;
    }
}
