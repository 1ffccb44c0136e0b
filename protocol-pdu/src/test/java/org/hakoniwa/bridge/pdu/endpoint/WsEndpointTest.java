package org.hakoniwa.bridge.pdu.endpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.testkit.LogCapture;
import org.hakoniwa.bridge.pdu.testkit.MapProviderConfig;
import org.hakoniwa.bridge.pdu.testkit.RawWebSocketClient;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.transport.ClientOptions;
import org.hakoniwa.bridge.spi.transport.ServerOptions;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.transport.jetty.JettyTransportProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WsEndpointTest {
    private static final ClientOptions CLIENT_OPTIONS = new ClientOptions(1 << 20, Duration.ofSeconds(5), Duration.ZERO);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final BlockingQueue<ClientId> disconnects = new LinkedBlockingQueue<>();
    private final BlockingQueue<ClientId> connects = new LinkedBlockingQueue<>();
    private int admitted;
    private WsEndpoint server;
    private int port;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        scheduler.shutdownNow();
    }

    private Transport transport() {
        Transport transport = new JettyTransportProvider().create(MapProviderConfig.empty(),
                new ProviderContext(scheduler, java.time.Clock.systemUTC()));
        toClose.add(transport);
        return transport;
    }

    private WsEndpoint startServer(EndpointSettings settings) {
        server = WsEndpoint.server(transport(), settings, scheduler);
        server.onDisconnect(disconnects::add);
        server.onConnect(connects::add);
        toClose.add(server);
        port = server.listen(new ServerOptions("127.0.0.1", 0, 1 << 16, false, Duration.ZERO)).getPort();
        return server;
    }

    private static EndpointSettings multi(int max) {
        return EndpointSettings.defaults().withClients(max, true);
    }

    /** A CLIENT-role endpoint connected to the server, recording what it receives. */
    private TestClient connectClient() throws Exception {
        TestClient client = new TestClient(WsEndpoint.client(transport(), EndpointSettings.defaults(), scheduler));
        toClose.add(client.endpoint);
        client.id = client.endpoint.connect(URI.create("ws://127.0.0.1:" + port + "/"), CLIENT_OPTIONS)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    /** Waits until the server has admitted its {@code nth} client of this test; returns that client's id. */
    private ClientId awaitServerSideId(int nth) throws Exception {
        ClientId last = null;
        while (admitted < nth) {
            last = connects.poll(10, TimeUnit.SECONDS);
            if (last == null) {
                throw new AssertionError("server admitted " + admitted + " clients within 10 s, expected " + nth);
            }
            admitted++;
        }
        return last;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(UTF_8));
    }

    private ClientId nextDisconnect() throws InterruptedException {
        ClientId id = disconnects.poll(10, TimeUnit.SECONDS);
        if (id == null) {
            throw new AssertionError("no onDisconnect within 10 s");
        }
        return id;
    }

    @Test
    void sendTo_reachesThatClientOnly() throws Exception {
        startServer(multi(4));
        TestClient first = connectClient();
        ClientId firstId = awaitServerSideId(1);
        TestClient second = connectClient();
        ClientId secondId = awaitServerSideId(2);

        assertTrue(server.send(bytes("for first"), firstId));
        assertTrue(server.send(bytes("for second"), secondId));

        assertEquals("for first", first.next());
        assertEquals("for second", second.next());
        assertTrue(first.received.isEmpty());
    }

    @Test
    void clientIds_areSequentialAndWellFormed() throws Exception {
        startServer(multi(4));
        connectClient();
        ClientId a = awaitServerSideId(1);
        connectClient();
        ClientId b = awaitServerSideId(2);
        assertTrue(a.value().matches("ws\\d{6,}"), a.value());
        assertTrue(b.compareTo(a) > 0);
    }

    @Test
    void send_toUnknownClient_returnsFalse() {
        startServer(multi(4));
        assertFalse(server.send(bytes("x"), new ClientId("ws000000")));
    }

    @Test
    void send_afterThatClientDisconnected_returnsFalse() throws Exception {
        startServer(multi(4));
        TestClient client = connectClient();
        ClientId id = awaitServerSideId(1);
        client.endpoint.close();
        assertEquals(id, nextDisconnect());
        assertFalse(server.send(bytes("late"), id));
    }

    @Test
    void roleMisuse_failsWithTheRoleAndTheRule() {
        startServer(multi(4));
        IllegalStateException serverSendsWithoutRecipient = assertThrows(IllegalStateException.class,
                () -> server.send(bytes("x")));
        assertEquals("send(data) is for the CLIENT role only; this endpoint is a SERVER: a server names the"
                + " recipient: send(data, to)", serverSendsWithoutRecipient.getMessage());
        IllegalArgumentException noRecipient = assertThrows(IllegalArgumentException.class,
                () -> server.send(bytes("x"), null));
        assertEquals("send(data, to) on a SERVER endpoint needs a client id: to is null", noRecipient.getMessage());

        WsEndpoint client = WsEndpoint.client(transport(), EndpointSettings.defaults(), scheduler);
        IllegalStateException clientNamesRecipient = assertThrows(IllegalStateException.class,
                () -> client.send(bytes("x"), new ClientId("ws000001")));
        assertEquals("send(data, to) is for the SERVER role only; this endpoint is a CLIENT: a client has one"
                + " connection: send(data)", clientNamesRecipient.getMessage());
        assertThrows(IllegalStateException.class, () -> client.broadcast(bytes("x")));
    }

    @Test
    void messagesFromClients_carryTheirIds_andTheNewCallbackWins() throws Exception {
        startServer(multi(4));
        BlockingQueue<String> withClient = new LinkedBlockingQueue<>();
        List<String> legacy = new CopyOnWriteArrayList<>();
        server.onMessage(data -> legacy.add(UTF_8.decode(data).toString()));
        server.onMessageWithClient((id, data) -> withClient.add(id + ":" + UTF_8.decode(data)));
        TestClient client = connectClient();
        ClientId id = awaitServerSideId(1);
        client.endpoint.send(bytes("hello"));
        assertEquals(id + ":hello", withClient.poll(10, TimeUnit.SECONDS));
        assertTrue(legacy.isEmpty());
    }

    @Test
    void onlyTheOldCallback_receivesEveryMessage() throws Exception {
        startServer(EndpointSettings.defaults());
        BlockingQueue<String> legacy = new LinkedBlockingQueue<>();
        server.onMessage(data -> legacy.add(UTF_8.decode(data).toString()));
        TestClient client = connectClient();
        client.endpoint.send(bytes("one"));
        client.endpoint.send(bytes("two"));
        assertEquals("one", legacy.poll(10, TimeUnit.SECONDS));
        assertEquals("two", legacy.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void throwingCallback_isLoggedWithTheClientId_andTheConnectionCarriesOn() throws Exception {
        startServer(multi(4));
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        server.onMessageWithClient((id, data) -> {
            String text = UTF_8.decode(data).toString();
            seen.add(text);
            if (text.equals("boom")) {
                throw new IllegalStateException("application bug");
            }
        });
        try (LogCapture logs = new LogCapture()) {
            TestClient client = connectClient();
            ClientId id = awaitServerSideId(1);
            client.endpoint.send(bytes("boom"));
            client.endpoint.send(bytes("after"));
            assertEquals("boom", seen.poll(10, TimeUnit.SECONDS));
            assertEquals("after", seen.poll(10, TimeUnit.SECONDS));
            ILoggingEvent error = logs.containing("callback threw").get(0);
            assertTrue(error.getFormattedMessage().contains(id.value()));
            assertEquals(id.value(), error.getMDCPropertyMap().get(ClientMdc.KEY));
        }
    }

    @Test
    void singleClientMode_refusesASecondClientWith1000_andKeepsTheFirst() throws Exception {
        startServer(EndpointSettings.defaults());
        TestClient first = connectClient();
        ClientId firstId = awaitServerSideId(1);
        try (RawWebSocketClient second = RawWebSocketClient.connect(port, 0)) {
            RawWebSocketClient.Frame close = second.readFrame();
            assertEquals(RawWebSocketClient.OP_CLOSE, close.opcode());
            assertEquals(1000, RawWebSocketClient.closeCode(close));
        }
        assertTrue(server.send(bytes("still here"), firstId));
        assertEquals("still here", first.next());
        assertEquals(1, server.clientCount());
    }

    @Test
    void multiClientMode_refusesBeyondMaxClientsWith1013() throws Exception {
        startServer(multi(2));
        connectClient();
        connectClient();
        awaitServerSideId(2);
        try (RawWebSocketClient third = RawWebSocketClient.connect(port, 0)) {
            RawWebSocketClient.Frame close = third.readFrame();
            assertEquals(1013, RawWebSocketClient.closeCode(close));
        }
        assertEquals(2, server.clientCount());
    }

    @Test
    void abruptDrop_firesOnDisconnectOnce() throws Exception {
        startServer(multi(4));
        RawWebSocketClient raw = RawWebSocketClient.connect(port, 0);
        ClientId id = awaitServerSideId(1);
        raw.dropAbruptly();
        assertEquals(id, nextDisconnect());
        assertEquals(null, disconnects.poll(300, TimeUnit.MILLISECONDS));
        assertEquals(0, server.clientCount());
    }

    @Test
    void halfOpenPeer_isDroppedByPingTimeout_andOnDisconnectFiresOnce() throws Exception {
        startServer(multi(4).withPing(Duration.ofMillis(100), Duration.ofMillis(200)));
        try (LogCapture logs = new LogCapture(); RawWebSocketClient silent = RawWebSocketClient.connect(port, 0)) {
            ClientId id = awaitServerSideId(1);
            // The raw client never reads, so it never answers the pings: like a peer that vanished.
            assertEquals(id, nextDisconnect());
            assertEquals(null, disconnects.poll(500, TimeUnit.MILLISECONDS));
            ILoggingEvent timeout = logs.containing("did not answer a ping").get(0);
            assertTrue(timeout.getFormattedMessage().contains(id.value()));
            assertEquals(id.value(), timeout.getMDCPropertyMap().get(ClientMdc.KEY));
        }
    }

    @Test
    void answeringPeer_staysConnectedAcrossManyPings() throws Exception {
        startServer(multi(4).withPing(Duration.ofMillis(50), Duration.ofMillis(500)));
        TestClient client = connectClient();
        ClientId id = awaitServerSideId(1);
        // Six ping rounds: Jetty's client answers each; the connection must survive them all.
        for (int i = 0; i < 6; i++) {
            assertTrue(server.send(bytes("tick " + i), id));
            assertEquals("tick " + i, client.next());
            assertEquals(null, disconnects.poll(60, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void serverClose_closesClientsWith1001_andFiresOnDisconnectForEach() throws Exception {
        startServer(multi(4));
        TestClient a = connectClient();
        TestClient b = connectClient();
        awaitServerSideId(2);
        server.close();
        List<ClientId> gone = List.of(nextDisconnect(), nextDisconnect());
        assertEquals(2, gone.stream().distinct().count());
        assertEquals(null, disconnects.poll(300, TimeUnit.MILLISECONDS));
        assertTrue(a.awaitDisconnected());
        assertTrue(b.awaitDisconnected());
    }

    @Test
    void connectionAccessor_returnsTheMostRecentLiveClient() throws Exception {
        startServer(multi(4));
        assertEquals(Optional.empty(), server.connection());
        connectClient();
        ClientId first = awaitServerSideId(1);
        TestClient second = connectClient();
        ClientId secondId = awaitServerSideId(2);
        assertEquals(Optional.of(secondId), server.connection());
        second.endpoint.close();
        assertEquals(secondId, nextDisconnect());
        assertEquals(Optional.of(first), server.connection());
    }

    @Test
    void logLines_aboutClients_carryTheIdInMdcAndMessage() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            startServer(EndpointSettings.defaults());
            TestClient client = connectClient();
            ClientId id = awaitServerSideId(1);
            try (RawWebSocketClient refused = RawWebSocketClient.connect(port, 0)) {
                refused.readFrame();
            }
            client.endpoint.close();
            nextDisconnect();
            for (String text : List.of("connected from", "refused with 1000", "disconnected: code")) {
                ILoggingEvent line = logs.containing(text).get(0);
                String mdc = line.getMDCPropertyMap().get(ClientMdc.KEY);
                assertTrue(mdc != null && line.getFormattedMessage().contains(mdc), line.getFormattedMessage());
            }
            assertTrue(logs.containing("connected from").stream()
                    .anyMatch(e -> id.value().equals(e.getMDCPropertyMap().get(ClientMdc.KEY))));
        }
    }

    @Test
    void deprecatedSendTo_delegates_andWarnsOnce() throws Exception {
        startServer(multi(4));
        TestClient client = connectClient();
        ClientId id = awaitServerSideId(1);
        try (LogCapture logs = new LogCapture()) {
            assertTrue(sendToOldStyle(id, "a"));
            assertTrue(sendToOldStyle(id, "b"));
            assertEquals("a", client.next());
            assertEquals("b", client.next());
            assertEquals(1, logs.containing("deprecated").size());
        }
    }

    @SuppressWarnings("deprecation")
    private boolean sendToOldStyle(ClientId id, String text) {
        return server.sendTo(id, bytes(text));
    }

    /** A CLIENT endpoint and what it received. */
    private static final class TestClient {
        final WsEndpoint endpoint;
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final java.util.concurrent.CountDownLatch disconnected = new java.util.concurrent.CountDownLatch(1);
        ClientId id;

        TestClient(WsEndpoint endpoint) {
            this.endpoint = endpoint;
            endpoint.onMessage(data -> received.add(UTF_8.decode(data).toString()));
            endpoint.onDisconnect(gone -> disconnected.countDown());
        }

        String next() throws InterruptedException {
            String next = received.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("client received nothing within 10 s");
            }
            return next;
        }

        boolean awaitDisconnected() throws InterruptedException {
            return disconnected.await(10, TimeUnit.SECONDS);
        }
    }
}
