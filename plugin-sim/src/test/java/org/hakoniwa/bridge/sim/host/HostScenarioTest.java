package org.hakoniwa.bridge.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hakoniwa.bridge.pdu.buffer.PduSample;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.config.PduDefinitionLoader;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.rpc.client.RpcReply;
import org.hakoniwa.bridge.rpc.config.ServiceDefinitionLoader;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeConfigLoader;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.transport.jetty.JettyTransportProvider;
import org.junit.jupiter.api.Test;

/**
 * A simulator as it would embed the bridge: it knows only {@link SimulatorPlugin}, found through
 * {@link ServiceLoader}, and the host contract. It publishes, reads what clients write, serves an asynchronous RPC
 * service and reads the stats, with real clients on the other side.
 */
class HostScenarioTest {
    @Test
    void aHostLoadingThePluginThroughServiceLoader_drivesAWholeScenario() throws Exception {
        AtomicLong simTime = new AtomicLong(5_000_000);
        BridgeConfig config = BridgeConfigLoader.load(new String[] {"--port", "0", "--max-clients", "4"}, Map.of(),
                new Properties()).config().orElseThrow();
        HostContext context = new HostContext(PduDefinitionLoader.load(TestBridge.DEMO_DIR.resolve("pdu_config.json")),
                ServiceDefinitionLoader.load(TestBridge.DEMO_DIR.resolve("service.json")),
                Optional.of(simTime::get), config);
        SimulatorPlugin plugin = ServiceLoader.load(SimulatorPlugin.class).findFirst().orElseThrow();
        assertEquals("hakoniwa-websocket-bridge", plugin.name());

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Transport clientTransport = new JettyTransportProvider().create(config,
                new ProviderContext(scheduler, java.time.Clock.systemUTC()));
        try (Bridge bridge = plugin.start(context)) {
            BlockingQueue<PduSample> writes = new LinkedBlockingQueue<>();
            bridge.onClientWrite(writes::add);
            ScheduledExecutorService simulatorThreads = Executors.newSingleThreadScheduledExecutor();
            // An asynchronous service: the answer is computed on the simulator's own thread, later.
            bridge.registerService("Service/Add", call -> {
                ByteBuffer in = call.littleEndianBody();
                long sum = in.getLong(0) + in.getLong(8);
                CompletableFuture<ByteBuffer> answer = new CompletableFuture<>();
                simulatorThreads.schedule(() -> answer.complete(
                        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, sum)), 20, TimeUnit.MILLISECONDS);
                return answer;
            });
            URI uri = URI.create("ws://127.0.0.1:" + bridge.address().getPort() + "/");
            try (BridgeClient viewer = BridgeClient.connect(clientTransport, uri, FrameForm.V2_304, scheduler);
                    BridgeClient operator = BridgeClient.connect(clientTransport, uri, FrameForm.V2_200, scheduler)) {
                bridge.publish("drone1", 0, twist(1.5));
                viewer.declareRead("drone1", 0);
                Frame first = viewer.awaitPdu(Duration.ofSeconds(10));
                assertNotNull(first);
                assertEquals(5_000_000, first.hakoTimeUs(), "the host's simulation clock stamps outgoing PDUs");
                simTime.set(5_100_000);
                bridge.publish("drone1", "pos", twist(2.5));
                Frame second = viewer.awaitPdu(Duration.ofSeconds(10));
                assertEquals(2.5, second.body().order(ByteOrder.LITTLE_ENDIAN).getDouble(24));
                assertEquals(5_100_000, second.hakoTimeUs());

                operator.write("drone2", 0, twist(-7));
                PduSample written = writes.poll(10, TimeUnit.SECONDS);
                assertNotNull(written);
                assertEquals(-7.0, written.body().order(ByteOrder.LITTLE_ENDIAN).getDouble(24));
                assertEquals(-7.0, bridge.read("drone2", "pos").orElseThrow().body()
                        .order(ByteOrder.LITTLE_ENDIAN).getDouble(24));

                operator.register("Service/Add", "Operator").get(10, TimeUnit.SECONDS);
                RpcReply reply = operator.call("Service/Add", "Operator",
                        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 40).putLong(8, 2), 8,
                        Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
                assertEquals(42, reply.payload(8).getLong(0));

                BridgeStats stats = bridge.stats();
                assertEquals(2, stats.clientCount());
                assertEquals(1, stats.subscriptions());
                assertEquals(1, stats.registrations());
                assertTrue(stats.clients().stream().anyMatch(c -> c.form().equals("V2_200")));
            } finally {
                simulatorThreads.shutdownNow();
            }
        } finally {
            clientTransport.close();
            scheduler.shutdownNow();
        }
    }

    private static ByteBuffer twist(double x) {
        ByteBuffer body = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(0, 0x12345678).putInt(4, 1).putInt(8, 24).putInt(12, 72).putInt(16, 72);
        return body.putDouble(24, x);
    }
}
