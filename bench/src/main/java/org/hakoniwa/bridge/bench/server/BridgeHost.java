package org.hakoniwa.bridge.bench.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.hakoniwa.bridge.bench.common.BenchTopic;
import org.hakoniwa.bridge.pdu.config.PduDefinitionLoader;
import org.hakoniwa.bridge.pdu.endpoint.QueueStats;
import org.hakoniwa.bridge.rpc.config.ServiceDefinitionLoader;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeConfigLoader;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.demo.DemoServices;
import org.hakoniwa.bridge.sim.demo.DemoSimulation;
import org.hakoniwa.bridge.sim.host.Bridge;
import org.hakoniwa.bridge.sim.host.ClientStats;
import org.hakoniwa.bridge.sim.host.HostContext;
import org.hakoniwa.bridge.sim.host.SimulatorPlugin;
import org.hakoniwa.bridge.spi.backpressure.DropReason;

/**
 * The bridge's host in the server JVM, written as a simulator would be: it finds the bridge through
 * {@link ServiceLoader}{@code <SimulatorPlugin>} and uses only the host contract. It publishes the benchmark topic
 * {@code drone1/pos} (channel 0 of the bundled demo definition) and serves {@code Service/Add}.
 */
final class BridgeHost implements ServerUnderTest {
    private final Bridge bridge;
    private final BridgeConfig config;

    private BridgeHost(Bridge bridge, BridgeConfig config) {
        this.bridge = requireNonNull(bridge, "bridge is null");
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * Starts the bridge on 127.0.0.1 and a free port.
     *
     * @param options bridge command-line options ({@code --max-clients 2000}, {@code --set KEY=VALUE}, …)
     */
    static BridgeHost start(List<String> options) {
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1", "--port", "0"));
        args.addAll(options);
        BridgeConfig config = BridgeConfigLoader.load(args.toArray(String[]::new), Map.of(), new Properties())
                .config().orElseThrow(() -> new IllegalArgumentException("--help is not a server option"));
        Path definitions = unpackDemoDefinitions();
        HostContext context = new HostContext(PduDefinitionLoader.load(definitions.resolve("pdu_config.json")),
                ServiceDefinitionLoader.load(definitions.resolve("service.json")), Optional.empty(), config);
        SimulatorPlugin plugin = ServiceLoader.load(SimulatorPlugin.class).findFirst().orElseThrow(() ->
                new IllegalStateException("no SimulatorPlugin found by ServiceLoader in the bench jar"));
        Bridge bridge = plugin.start(context);
        DemoServices services = new DemoServices(new DemoSimulation(1000));
        bridge.registerSyncService(DemoServices.ADD, services::add);
        return new BridgeHost(bridge, config);
    }

    @Override
    public int port() {
        return bridge.address().getPort();
    }

    @Override
    public void publish(ByteBuffer body) {
        bridge.publish(BenchTopic.ROBOT, BenchTopic.CHANNEL, body);
    }

    @Override
    public int readers() {
        return bridge.stats().subscriptions();
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        long sent = 0;
        long sentBytes = 0;
        long queuedFrames = 0;
        long queuedBytes = 0;
        for (ClientStats client : bridge.stats().clients()) {
            QueueStats queue = client.queue();
            sent += queue.sentFrames();
            sentBytes += queue.sentBytes();
            queuedFrames += queue.dataFrames();
            queuedBytes += queue.dataBytes();
            for (Map.Entry<DropReason, Long> drop : queue.dropped().entrySet()) {
                counters.merge("drop." + drop.getKey().name(), drop.getValue(), Long::sum);
            }
        }
        counters.put("sent", sent);
        counters.put("sent.bytes", sentBytes);
        counters.put("queued.frames", queuedFrames);
        counters.put("queued.bytes", queuedBytes);
        return counters;
    }

    @Override
    public Map<String, Long> client(int remotePort) {
        String suffix = ":" + remotePort;
        for (ClientStats client : bridge.stats().clients()) {
            if (client.remoteAddress().endsWith(suffix)) {
                QueueStats queue = client.queue();
                Map<String, Long> figures = new TreeMap<>();
                figures.put("sent", queue.sentFrames());
                figures.put("queued.frames", (long) queue.dataFrames());
                figures.put("queued.bytes", queue.dataBytes());
                figures.put("highwater.frames", (long) queue.highWaterFrames());
                figures.put("highwater.bytes", queue.highWaterBytes());
                queue.dropped().forEach((reason, count) -> figures.put("drop." + reason.name(), count));
                return figures;
            }
        }
        return Map.of();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("server", "bridge");
        described.put("policy", config.get(BridgeKeys.BACKPRESSURE_POLICY));
        described.put("queue-depth", String.valueOf(config.get(BridgeKeys.BACKPRESSURE_QUEUE_DEPTH)));
        described.put("queue-bytes", String.valueOf(config.get(BridgeKeys.BACKPRESSURE_QUEUE_BYTES)));
        described.put("control-queue-depth", String.valueOf(config.get(BridgeKeys.BACKPRESSURE_CONTROL_QUEUE_DEPTH)));
        described.put("max-clients", String.valueOf(config.get(BridgeKeys.MAX_CLIENTS)));
        described.put("multi-client", String.valueOf(config.multiClientEnabled()));
        described.put("max-outbound-message-size", String.valueOf(config.get(BridgeKeys.MAX_OUTBOUND_MESSAGE_SIZE)));
        described.put("ping-interval", config.get(BridgeKeys.PING_INTERVAL).toString());
        return described;
    }

    @Override
    public void close() {
        bridge.close();
    }

    /** The loaders read files, and the demo definitions are resources of the plugin-sim jar. */
    private static Path unpackDemoDefinitions() {
        try {
            Path dir = Files.createTempDirectory("hakoniwa-bench-demo");
            for (String name : List.of("pdu_config.json", "service.json")) {
                try (InputStream in = BridgeHost.class.getResourceAsStream("/demo/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the demo definition /demo/" + name + " is not in the jar");
                    }
                    Path file = dir.resolve(name);
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                }
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo definitions", e);
        }
    }
}
