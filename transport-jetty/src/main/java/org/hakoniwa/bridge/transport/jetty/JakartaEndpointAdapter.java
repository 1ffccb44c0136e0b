package org.hakoniwa.bridge.transport.jetty;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.ConnectionAcceptor;
import org.hakoniwa.bridge.spi.transport.ConnectionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jakarta endpoint per connection, on both sides. It adapts Jakarta's callbacks to the SPI's
 * {@link ConnectionHandler} and keeps the SPI promises Jakarta does not make by itself: a handler that throws
 * does not close the connection, and {@code onClose} is delivered exactly once.
 *
 * <p>Public only because Jakarta requires endpoint classes to be; it is not an API.
 */
public final class JakartaEndpointAdapter extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(JakartaEndpointAdapter.class);

    private final ConnectionAcceptor acceptor;
    private final int maxInboundMessageBytes;
    private final Duration idleTimeout;
    private final CompletableFuture<Connection> opened;
    private final OpenConnections openConnections;
    private volatile JettyConnection connection;
    private volatile ConnectionHandler handler;

    JakartaEndpointAdapter(ConnectionAcceptor acceptor, int maxInboundMessageBytes, Duration idleTimeout,
            CompletableFuture<Connection> opened, OpenConnections openConnections) {
        this.acceptor = acceptor;
        this.openConnections = openConnections;
        this.maxInboundMessageBytes = maxInboundMessageBytes;
        this.idleTimeout = idleTimeout;
        this.opened = opened;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxBinaryMessageBufferSize(maxInboundMessageBytes);
        session.setMaxTextMessageBufferSize(maxInboundMessageBytes);
        session.setMaxIdleTimeout(idleTimeout.toMillis());
        JettyConnection conn = new JettyConnection((JakartaWebSocketSession) session);
        connection = conn;
        openConnections.add(conn);
        ConnectionHandler h;
        try {
            h = acceptor.accept(conn);
        } catch (RuntimeException e) {
            LOG.error("connection from {} refused: the acceptor failed", conn.remoteAddress(), e);
            conn.close(Connection.SERVER_ERROR, "internal error");
            h = ClosedHandler.INSTANCE;
        }
        ConnectionHandler target = h == null ? ClosedHandler.INSTANCE : h;
        handler = target;
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) bytes ->
                guarded("onBinary", () -> target.onBinary(ByteBuffer.wrap(bytes))));
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                guarded("onText", () -> target.onText(text)));
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong ->
                guarded("onPong", () -> target.onPong(pong.getApplicationData())));
        conn.markOpened();
        if (opened != null) {
            opened.complete(conn);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        JettyConnection conn = connection;
        ConnectionHandler h = handler;
        if (conn != null) {
            openConnections.remove(conn);
        }
        if (conn != null && h != null && conn.markClosed()) {
            int code = closeReason.getCloseCode().getCode();
            String reason = closeReason.getReasonPhrase() == null ? "" : closeReason.getReasonPhrase();
            guarded("onClose", () -> h.onClose(code, reason));
        }
    }

    @Override
    public void onError(Session session, Throwable cause) {
        ConnectionHandler h = handler;
        if (h != null) {
            guarded("onError", () -> h.onError(cause));
        } else if (opened != null) {
            opened.completeExceptionally(cause);
        }
    }

    private void guarded(String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            JettyConnection conn = connection;
            LOG.error("{} handler of connection {} threw; the connection stays open",
                    callback, conn == null ? "?" : conn.remoteAddress(), e);
        }
    }

    /** Handler for a connection whose acceptor failed; it only waits for the close. */
    private enum ClosedHandler implements ConnectionHandler {
        INSTANCE;

        @Override
        public void onBinary(ByteBuffer message) {
        }

        @Override
        public void onClose(int code, String reason) {
        }
    }
}
