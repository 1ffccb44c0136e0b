package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hakoniwa.bridge.bench.common.BenchBodies;

/**
 * Scenario 2: the host publishes a Twist at a fixed rate with the wall-clock publish time in its body; each of K
 * clients decodes every frame and records now minus that time. Every sample is kept, so percentiles are exact.
 */
final class LatencyScenario {
    /**
     * One server's figures for one K.
     *
     * @param micros latency percentiles in microseconds, over every client's samples
     * @param published publishes while sampling
     * @param expected published times K: what the clients would receive with no drop
     * @param undecodable frames that did not decode
     * @param window the server's and clients' counters over the sampling time
     */
    record Figures(Percentiles micros, long published, long expected, long undecodable, Window window) {
    }

    /**
     * One row.
     *
     * @param clients K
     * @param hz the publish rate
     */
    record Row(int clients, double hz, Figures bridge, Figures baseline) {
        double p99Ratio() {
            return (double) bridge.micros().p99() / Math.max(1, baseline.micros().p99());
        }
    }

    private final Servers servers;
    private final LoadClients clients;
    private final BenchOptions options;

    LatencyScenario(Servers servers, LoadClients clients, BenchOptions options) {
        this.servers = requireNonNull(servers, "servers is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.options = requireNonNull(options, "options is null");
    }

    List<Row> run() throws BenchException {
        List<Row> rows = new ArrayList<>();
        for (int k : options.clients()) {
            List<Receiver> onBridge = servers.connect(servers.bridge(), clients, k);
            List<Receiver> onBaseline = servers.connect(servers.baseline(), clients, k);
            try {
                Figures bridge = measure(servers.bridge(), onBridge, k);
                Figures baseline = measure(servers.baseline(), onBaseline, k);
                Progress.say("latency K=%d at %.0f Hz: p99 bridge %d us, baseline %d us", k, options.latencyHz(),
                        bridge.micros().p99(), baseline.micros().p99());
                rows.add(new Row(k, options.latencyHz(), bridge, baseline));
            } finally {
                servers.disconnect(servers.bridge(), clients, onBridge);
                servers.disconnect(servers.baseline(), clients, onBaseline);
            }
        }
        return rows;
    }

    private Figures measure(ServerProcess server, List<Receiver> receivers, int k) throws BenchException {
        receivers.forEach(receiver -> receiver.latencies().clear());
        server.command("PUBLISH_RATE " + options.latencyHz() + " " + BenchBodies.TWIST);
        Window window;
        try {
            Pause.sleep(options.timing().latencyWarmup());
            receivers.forEach(receiver -> receiver.recording(true));
            Snapshot start = Snapshot.take(receivers, server);
            Pause.sleep(options.timing().latencyMeasure());
            Snapshot end = Snapshot.take(receivers, server);
            receivers.forEach(receiver -> receiver.recording(false));
            window = Window.between(start, end);
        } finally {
            receivers.forEach(receiver -> receiver.recording(false));
            server.command("STOP");
            Pause.quiesce(receivers);
        }
        List<long[]> samples = new ArrayList<>();
        long undecodable = 0;
        for (Receiver receiver : receivers) {
            samples.add(receiver.latencies().snapshot());
            undecodable += receiver.undecodable();
        }
        return new Figures(Percentiles.of(samples), window.published(), window.published() * k, undecodable, window);
    }
}
