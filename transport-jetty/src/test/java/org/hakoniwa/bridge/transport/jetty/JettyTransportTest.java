package org.hakoniwa.bridge.transport.jetty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.spi.transport.ClientOptions;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.SendCallback;
import org.hakoniwa.bridge.spi.transport.ServerHandle;
import org.hakoniwa.bridge.spi.transport.ServerOptions;
import org.hakoniwa.bridge.spi.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JettyTransportTest {
    private static final ClientOptions CLIENT = new ClientOptions(1 << 20, Duration.ofSeconds(5), Duration.ZERO);

    private JettyTransport transport;
    private ServerHandle server;
    private final BlockingQueue<Connection> serverConnections = new LinkedBlockingQueue<>();
    private final RecordingHandler serverSide = new RecordingHandler();

    @BeforeEach
    void start() {
        transport = new JettyTransport();
        server = transport.listen(new ServerOptions("127.0.0.1", 0, 1024, false, Duration.ZERO), connection -> {
            serverConnections.add(connection);
            return serverSide;
        });
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    private URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.address().getPort() + path);
    }

    private Connection connect(String path, RecordingHandler clientSide) throws Exception {
        return transport.connect(uri(path), CLIENT, connection -> clientSide).get(10, TimeUnit.SECONDS);
    }

    private Connection acceptedConnection() throws InterruptedException {
        Connection accepted = serverConnections.poll(10, TimeUnit.SECONDS);
        if (accepted == null) {
            throw new AssertionError("server accepted nothing within 10 s");
        }
        return accepted;
    }

    private static CompletableFuture<Void> send(Connection connection, String text) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.sendBinary(ByteBuffer.wrap(text.getBytes(UTF_8)), new SendCallback() {
            @Override
            public void succeeded() {
                done.complete(null);
            }

            @Override
            public void failed(Throwable cause) {
                done.completeExceptionally(cause);
            }
        });
        return done;
    }

    private static String text(ByteBuffer buffer) {
        return UTF_8.decode(buffer).toString();
    }

    @Test
    void listen_portZero_reportsTheBoundPort() {
        assertTrue(server.address().getPort() > 0);
    }

    @Test
    void binaryMessages_flowBothWays_asWholeMessages() throws Exception {
        RecordingHandler clientSide = new RecordingHandler();
        Connection client = connect("", clientSide);
        Connection accepted = acceptedConnection();

        send(client, "hello server").get(5, TimeUnit.SECONDS);
        send(accepted, "hello client").get(5, TimeUnit.SECONDS);

        assertEquals("hello server", text(serverSide.nextBinary()));
        assertEquals("hello client", text(clientSide.nextBinary()));
    }

    @Test
    void anyPath_isUpgraded() throws Exception {
        RecordingHandler clientSide = new RecordingHandler();
        Connection client = connect("/some/deep/path?x=1", clientSide);
        send(client, "on a path").get(5, TimeUnit.SECONDS);
        assertEquals("on a path", text(serverSide.nextBinary()));
    }

    @Test
    void ping_isAnsweredWithPong() throws Exception {
        connect("/", new RecordingHandler());
        Connection accepted = acceptedConnection();
        accepted.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        ByteBuffer pong = serverSide.pongs.poll(10, TimeUnit.SECONDS);
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), pong);
    }

    @Test
    void serverClose_deliversCodeToClient_andOnCloseOnceOnEachSide() throws Exception {
        RecordingHandler clientSide = new RecordingHandler();
        connect("/", clientSide);
        Connection accepted = acceptedConnection();
        accepted.close(Connection.TRY_AGAIN_LATER, "too many clients");
        assertEquals(Connection.TRY_AGAIN_LATER, clientSide.awaitClose());
        assertEquals(Connection.TRY_AGAIN_LATER, serverSide.awaitClose());
        accepted.close(Connection.NORMAL, "again");
        assertEquals(1, serverSide.closeCalls.get());
        assertEquals(1, clientSide.closeCalls.get());
    }

    @Test
    void abort_closesWithoutHandshake() throws Exception {
        RecordingHandler clientSide = new RecordingHandler();
        connect("/", clientSide);
        Connection accepted = acceptedConnection();
        accepted.abort();
        assertEquals(Connection.ABNORMAL, serverSide.awaitClose());
        clientSide.awaitClose();
    }

    @Test
    void oversizeInboundMessage_closesWith1009() throws Exception {
        RecordingHandler clientSide = new RecordingHandler();
        Connection client = connect("/", clientSide);
        client.sendBinary(ByteBuffer.allocate(1025), new SendCallback() {
            @Override
            public void succeeded() {
            }

            @Override
            public void failed(Throwable cause) {
            }
        });
        assertEquals(Connection.MESSAGE_TOO_BIG, serverSide.awaitClose());
        assertEquals(Connection.MESSAGE_TOO_BIG, clientSide.awaitClose());
    }

    @Test
    void throwingHandler_doesNotCloseTheConnection() throws Exception {
        serverSide.throwOnBinary = new IllegalStateException("handler bug");
        RecordingHandler clientSide = new RecordingHandler();
        Connection client = connect("/", clientSide);
        send(client, "first").get(5, TimeUnit.SECONDS);
        assertEquals("first", text(serverSide.nextBinary()));
        serverSide.throwOnBinary = null;
        send(client, "second").get(5, TimeUnit.SECONDS);
        assertEquals("second", text(serverSide.nextBinary()));
        assertTrue(client.isOpen());
    }

    @Test
    void textMessages_reachOnText() throws Exception {
        // The SPI sends binary only; a text message comes from another client implementation (the JDK's).
        java.net.http.WebSocket jdkClient = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri("/"), new java.net.http.WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        jdkClient.sendText("not a frame", true).get(5, TimeUnit.SECONDS);
        assertEquals("not a frame", serverSide.texts.poll(10, TimeUnit.SECONDS));
        assertTrue(acceptedConnection().isOpen());
        jdkClient.abort();
    }

    @Test
    void connect_toClosedPort_failsWithTransportException() {
        int port = server.address().getPort();
        server.close();
        CompletableFuture<Connection> attempt = transport.connect(URI.create("ws://127.0.0.1:" + port + "/"), CLIENT,
                connection -> new RecordingHandler());
        Exception failure = assertThrows(Exception.class, () -> attempt.get(15, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof TransportException, failure.toString());
    }

    @Test
    void listen_onBusyPort_failsWithTransportException() {
        int port = server.address().getPort();
        TransportException failure = assertThrows(TransportException.class, () -> transport.listen(
                new ServerOptions("127.0.0.1", port, 1024, false, Duration.ZERO), connection -> serverSide));
        assertTrue(failure.getMessage().startsWith("cannot listen on 127.0.0.1:" + port), failure.getMessage());
    }

    @Test
    void closingTheServer_closesConnectionsWithGoingAway() throws Exception {
        RecordingHandler clientSide = new RecordingHandler();
        connect("/", clientSide);
        acceptedConnection();
        server.close();
        assertEquals(Connection.GOING_AWAY, clientSide.awaitClose());
        serverSide.awaitClose();
        assertEquals(1, serverSide.closeCalls.get());
    }
}
