package org.hakoniwa.bridge.sim.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.config.PduDefinitionLoader;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.rpc.config.ServiceDefinitionLoader;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeConfigLoader;
import org.hakoniwa.bridge.sim.host.Bridge;
import org.hakoniwa.bridge.sim.host.ClientListener;
import org.hakoniwa.bridge.sim.host.HostContext;
import org.hakoniwa.bridge.sim.host.SimulatorPlugin;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.transport.jetty.JettyTransportProvider;

/**
 * A real bridge for tests: loaded through {@link ServiceLoader} and the host contract like any simulator would, on
 * port 0, with the bundled demo definitions (drone1/pos, drone2/pos on channel 0; Service/Add, Service/SystemControl)
 * and real clients over Jetty. Waits use queues with timeouts, never sleeps.
 */
public final class TestBridge implements AutoCloseable {
    public static final Path DEMO_DIR = unpackDemo();

    public final Bridge bridge;
    public final BlockingQueue<ClientId> connected = new LinkedBlockingQueue<>();
    public final BlockingQueue<ClientId> disconnected = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService clientScheduler = Executors.newScheduledThreadPool(2);
    private final Transport clientTransport;
    private final List<BridgeClient> clients = new ArrayList<>();

    private TestBridge(Bridge bridge) {
        this.bridge = bridge;
        bridge.onClientEvents(new ClientListener() {
            @Override
            public void connected(ClientId client) {
                connected.add(client);
            }

            @Override
            public void disconnected(ClientId client) {
                disconnected.add(client);
            }
        });
        clientTransport = new JettyTransportProvider().create(BridgeConfig.defaults(),
                new ProviderContext(clientScheduler, java.time.Clock.systemUTC()));
    }

    /** Starts a bridge with command-line style options (port 0 is added). */
    public static TestBridge start(String... options) {
        return new TestBridge(plugin().start(context(options)));
    }

    public static HostContext context(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "--port";
        args[1] = "0";
        System.arraycopy(options, 0, args, 2, options.length);
        BridgeConfig config = BridgeConfigLoader.load(args, Map.of(), new Properties()).config().orElseThrow();
        return new HostContext(PduDefinitionLoader.load(DEMO_DIR.resolve("pdu_config.json")),
                ServiceDefinitionLoader.load(DEMO_DIR.resolve("service.json")), Optional.empty(), config);
    }

    public static SimulatorPlugin plugin() {
        return ServiceLoader.load(SimulatorPlugin.class).findFirst()
                .orElseThrow(() -> new AssertionError("no SimulatorPlugin found by ServiceLoader"));
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + bridge.address().getPort() + "/");
    }

    /** Connects a client speaking {@code form} and waits until the bridge has admitted it. */
    public BridgeClient connect(FrameForm form) throws Exception {
        BridgeClient client = BridgeClient.connect(clientTransport, uri(), form, clientScheduler);
        clients.add(client);
        return client;
    }

    public Transport clientTransport() {
        return clientTransport;
    }

    public ScheduledExecutorService clientScheduler() {
        return clientScheduler;
    }

    /** The id of the next client the bridge admitted; fails after 10 s. */
    public ClientId nextConnected() throws InterruptedException {
        return take(connected, "no client connected");
    }

    /** The id of the next client that left; fails after 10 s. */
    public ClientId nextDisconnected() throws InterruptedException {
        return take(disconnected, "no client disconnected");
    }

    private static ClientId take(BlockingQueue<ClientId> queue, String failure) throws InterruptedException {
        ClientId id = queue.poll(10, TimeUnit.SECONDS);
        if (id == null) {
            throw new AssertionError(failure + " within 10 s");
        }
        return id;
    }

    @Override
    public void close() {
        clients.forEach(BridgeClient::close);
        bridge.close();
        clientTransport.close();
        clientScheduler.shutdownNow();
    }

    private static Path unpackDemo() {
        try {
            Path dir = Files.createTempDirectory("bridge-test-demo");
            for (String name : List.of("pdu_config.json", "service.json")) {
                try (InputStream in = TestBridge.class.getResourceAsStream("/demo/" + name)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
