package org.hakoniwa.bridge.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.rpc.client.RpcReply;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.transport.jetty.JettyTransportProvider;
import org.junit.jupiter.api.Test;

/** The demo simulator as the runnable jar starts it: moving drones and the two services acting on it. */
class DemoHostTest {
    private static final String CONTROL = "Service/SystemControl";

    @Test
    void theDemo_publishesMovingDrones_andItsServicesActOnTheSimulation() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (DemoHost demo = DemoHost.start(TestBridge.context("--publish-hz", "50"))) {
            Transport transport = new JettyTransportProvider().create(
                    org.hakoniwa.bridge.sim.config.BridgeConfig.defaults(),
                    new ProviderContext(scheduler, java.time.Clock.systemUTC()));
            URI uri = URI.create("ws://127.0.0.1:" + demo.bridge().address().getPort() + "/");
            try (BridgeClient client = BridgeClient.connect(transport, uri, FrameForm.V2_304, scheduler)) {
                client.declareRead("drone1", 0);
                Twist a = Twist.decode(next(client).body());
                Twist b = Twist.decode(next(client).body());
                assertNotEquals(a, b, "the drone moves from one step to the next");
                assertEquals(1.0, a.linearZ(), 1e-9);

                client.register("Service/Add", "Client_1").get(10, TimeUnit.SECONDS);
                RpcReply sum = client.call("Service/Add", "Client_1", ByteBuffer.allocate(16)
                        .order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1).putLong(8, 2), 8, Duration.ofSeconds(10))
                        .get(10, TimeUnit.SECONDS);
                assertEquals(3, sum.payload(8).getLong(0));

                client.register(CONTROL, "Operator").get(10, TimeUnit.SECONDS);
                assertTrue(control(client, DemoServices.STOP).startsWith("stopped;"));
                long stoppedAt = demo.simulation().timeMicros();
                assertTrue(control(client, DemoServices.STATUS).startsWith("stopped t="));
                assertEquals(stoppedAt, demo.simulation().timeMicros(), "time stands still while stopped");
                assertTrue(control(client, DemoServices.RESET).contains("t=0.000s"));
                assertTrue(control(client, DemoServices.START).startsWith("started;"));
                assertTrue(demo.simulation().running());
                assertEquals("unknown opcode 99", control(client, 99));
            }
            transport.close();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Frame next(BridgeClient client) throws InterruptedException {
        Frame frame = client.awaitPdu(Duration.ofSeconds(10));
        assertNotNull(frame);
        return frame;
    }

    private static String control(BridgeClient client, int opcode) throws Exception {
        RpcReply reply = client.call(CONTROL, "Operator", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, opcode), 4, Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        ByteBuffer body = reply.payload(4);
        byte[] message = new byte[128];
        body.duplicate().position(body.position() + 4).get(message);
        int end = 0;
        while (end < message.length && message[end] != 0) {
            end++;
        }
        return new String(message, 0, end, StandardCharsets.UTF_8);
    }
}
