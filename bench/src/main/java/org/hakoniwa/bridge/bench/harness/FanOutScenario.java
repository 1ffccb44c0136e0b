package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1: the host publishes the benchmark topic back to back (each publish starts when the previous one
 * returned) and K clients that declared read on it receive what they can, for a fixed window; bridge and baseline
 * take turns on every row, several times, so both see the same machine load.
 */
final class FanOutScenario {
    /**
     * One row.
     *
     * @param clients K
     * @param bodyBytes the PDU body size (the frame is 304 bytes more)
     * @param bridge the bridge's windows, added up
     * @param baseline the baseline's windows, added up
     * @param roundRatios the ratio of each round on its own: their spread shows how noisy the machine was
     */
    record Row(int clients, int bodyBytes, Window bridge, Window baseline, List<Double> roundRatios) {
        Row {
            roundRatios = List.copyOf(roundRatios);
        }

        double ratio() {
            return bridge.deliveriesPerSecond() / baseline.deliveriesPerSecond();
        }

        double lowestRoundRatio() {
            return roundRatios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double highestRoundRatio() {
            return roundRatios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    private final Servers servers;
    private final LoadClients clients;
    private final BenchOptions options;

    FanOutScenario(Servers servers, LoadClients clients, BenchOptions options) {
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
                for (int size : options.sizes()) {
                    Window bridge = null;
                    Window baseline = null;
                    List<Double> roundRatios = new ArrayList<>();
                    for (int round = 0; round < options.timing().rounds(); round++) {
                        // Alternate which server goes first, so that neither always follows the other.
                        boolean bridgeFirst = round % 2 == 0;
                        Window first = bridgeFirst ? measure(servers.bridge(), onBridge, size)
                                : measure(servers.baseline(), onBaseline, size);
                        Window second = bridgeFirst ? measure(servers.baseline(), onBaseline, size)
                                : measure(servers.bridge(), onBridge, size);
                        Window bridgeRound = bridgeFirst ? first : second;
                        Window baselineRound = bridgeFirst ? second : first;
                        roundRatios.add(bridgeRound.deliveriesPerSecond() / baselineRound.deliveriesPerSecond());
                        bridge = bridge == null ? bridgeRound : bridge.plus(bridgeRound);
                        baseline = baseline == null ? baselineRound : baseline.plus(baselineRound);
                    }
                    Row row = new Row(k, size, bridge, baseline, roundRatios);
                    Progress.say("fanout K=%d body=%s: bridge %.0f/s, baseline %.0f/s, ratio %.2f (rounds %.2f-%.2f)",
                            k, Sizes.body(size), bridge.deliveriesPerSecond(), baseline.deliveriesPerSecond(),
                            row.ratio(), row.lowestRoundRatio(), row.highestRoundRatio());
                    rows.add(row);
                }
            } finally {
                servers.disconnect(servers.bridge(), clients, onBridge);
                servers.disconnect(servers.baseline(), clients, onBaseline);
            }
        }
        return rows;
    }

    private Window measure(ServerProcess server, List<Receiver> receivers, int size) throws BenchException {
        server.command("PUBLISH_MAX " + size);
        try {
            Pause.sleep(options.timing().warmup());
            Snapshot start = Snapshot.take(receivers, server);
            Pause.sleep(options.timing().measure());
            Snapshot end = Snapshot.take(receivers, server);
            return Window.between(start, end);
        } finally {
            server.command("STOP");
            Pause.quiesce(receivers);
        }
    }
}
