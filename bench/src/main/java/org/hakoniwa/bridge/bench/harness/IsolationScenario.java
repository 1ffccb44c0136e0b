package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hakoniwa.bridge.bench.common.BenchBodies;
import org.hakoniwa.bridge.bench.common.ControlReply;

/**
 * Scenario 4: K − 1 normal clients read the back-to-back Twist stream, once alone and once beside a {@link
 * StalledClient} (K clients in all). The figure is the normal clients' deliveries per second beside the stalled
 * client as a share of the same without it. K = 1 has no normal client.
 */
final class IsolationScenario {
    /**
     * One row.
     *
     * @param clients K, the stalled client included
     * @param alone the K − 1 normal clients without the stalled one; null when K = 1
     * @param beside the K − 1 normal clients beside the stalled one; null when K = 1
     * @param stalledSent frames the server handed to the stalled client's connection during the window
     * @param stalledQueue the stalled client's queue at the end of the window, as the server reports it
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

    private Row measure(int k) throws BenchException {
        ServerProcess server = servers.bridge();
        List<Receiver> normal = servers.connect(server, clients, k - 1);
        Window alone;
        try {
            server.command("PUBLISH_MAX " + BenchBodies.TWIST);
            try {
                Pause.sleep(options.timing().stallSettle());
                Snapshot start = Snapshot.take(normal, server);
                Pause.sleep(options.timing().window());
                alone = Window.between(start, Snapshot.take(normal, server));
            } finally {
                server.command("STOP");
                Pause.quiesce(normal);
            }
        } finally {
            servers.disconnect(server, clients, normal);
        }
        Row row;
        try (StalledClient stalled = StalledClient.connect(server.port())) {
            server.command("AWAIT_READERS 1 60000");
            List<Receiver> beside = servers.connect(server, clients, k - 1, k);
            try {
                server.command("PUBLISH_MAX " + BenchBodies.TWIST);
                try {
                    Pause.sleep(options.timing().stallSettle());
                    Map<String, Long> stalledBefore = client(server, stalled.localPort());
                    Snapshot start = Snapshot.take(beside, server);
                    Pause.sleep(options.timing().window());
                    Snapshot end = Snapshot.take(beside, server);
                    Map<String, Long> stalledAfter = client(server, stalled.localPort());
                    long stalledSent = stalledAfter.getOrDefault("sent", 0L) - stalledBefore.getOrDefault("sent", 0L);
                    row = new Row(k, alone, Window.between(start, end), stalledSent, stalledAfter);
                } finally {
                    server.command("STOP");
                    Pause.quiesce(beside);
                }
            } finally {
                clients.close(beside);
            }
        }
        server.command("AWAIT_READERS 0 60000");
        return row;
    }

    private static Map<String, Long> client(ServerProcess server, int port) throws BenchException {
        ControlReply reply = server.command("CLIENT " + port);
        Map<String, Long> figures = new TreeMap<>();
        reply.fields().forEach((key, value) -> figures.put(key, Long.parseLong(value)));
        return figures;
    }
}
