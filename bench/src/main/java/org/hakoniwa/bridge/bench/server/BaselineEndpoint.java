package org.hakoniwa.bridge.bench.server;

import static java.util.Objects.requireNonNull;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Collection;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;

/**
 * One baseline connection: joins the peer set when it opens, leaves it when it closes, ignores what it receives.
 * Public only because Jakarta requires endpoint classes to be.
 */
public final class BaselineEndpoint extends Endpoint {
    private final Collection<BaselinePeer> peers;
    private final int maxInboundBytes;
    private final Duration idleTimeout;
    private volatile BaselinePeer peer;

    BaselineEndpoint(Collection<BaselinePeer> peers, int maxInboundBytes, Duration idleTimeout) {
        this.peers = requireNonNull(peers, "peers is null");
        this.maxInboundBytes = maxInboundBytes;
        this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxBinaryMessageBufferSize(maxInboundBytes);
        session.setMaxTextMessageBufferSize(maxInboundBytes);
        session.setMaxIdleTimeout(idleTimeout.toMillis());
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) bytes -> {
        });
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
        });
        BaselinePeer opened = new BaselinePeer(session.getAsyncRemote(), remotePort(session));
        peer = opened;
        peers.add(opened);
    }

    private static int remotePort(Session session) {
        SocketAddress address = ((JakartaWebSocketSession) session).getCoreSession().getRemoteAddress();
        return address instanceof InetSocketAddress inet ? inet.getPort() : -1;
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        BaselinePeer closed = peer;
        if (closed != null) {
            peers.remove(closed);
        }
    }

    @Override
    public void onError(Session session, Throwable cause) {
        // The close that follows removes the peer; nothing else to do in a baseline.
    }

    @Override
    public String toString() {
        BaselinePeer current = peer;
        return "BaselineEndpoint[" + (current == null ? "opening" : current.remotePort()) + "]";
    }
}
