package org.hakoniwa.bridge.transport.jetty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.util.Callback;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.SendCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Jakarta session on Jetty as an SPI {@link Connection}. */
final class JettyConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(JettyConnection.class);
    private static final int MAX_REASON_BYTES = 123;

    private final JakartaWebSocketSession session;
    private final String remoteAddress;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private final Object openLock = new Object();
    // guarded by openLock: opened, deferredClose
    private boolean opened;
    private Runnable deferredClose;

    JettyConnection(JakartaWebSocketSession session) {
        this.session = session;
        this.remoteAddress = describe(session.getCoreSession().getRemoteAddress());
    }

    private static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** Returns true the first time only: the caller delivers onClose. */
    boolean markClosed() {
        boolean first = closed.compareAndSet(false, true);
        if (first) {
            closedFuture.complete(null);
        }
        return first;
    }

    /** Completes when the connection has closed, whichever side closed it. */
    CompletableFuture<Void> closedFuture() {
        return closedFuture;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void sendBinary(ByteBuffer message, SendCallback callback) {
        try {
            session.getAsyncRemote().sendBinary(message, result -> {
                if (result.isOK()) {
                    callback.succeeded();
                } else {
                    callback.failed(result.getException());
                }
            });
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    @Override
    public void sendPing(ByteBuffer payload) {
        try {
            session.getAsyncRemote().sendPing(payload);
        } catch (IOException | RuntimeException e) {
            LOG.debug("ping to {} not sent: {}", remoteAddress, e.toString());
        }
    }

    /**
     * Called when Jakarta's onOpen has finished. A close or abort requested before that (a refusal from inside the
     * acceptor, or a racing thread) is carried out now: Jetty loses a close frame sent while the session opens.
     */
    void markOpened() {
        Runnable deferred;
        synchronized (openLock) {
            opened = true;
            deferred = deferredClose;
            deferredClose = null;
        }
        if (deferred != null) {
            deferred.run();
        }
    }

    private void whenOpened(Runnable action) {
        synchronized (openLock) {
            if (!opened) {
                if (deferredClose == null) {
                    deferredClose = action;
                }
                return;
            }
        }
        action.run();
    }

    @Override
    public void close(int code, String reason) {
        String safeReason = truncate(reason);
        whenOpened(() -> session.getCoreSession().close(code, safeReason, Callback.NOOP));
    }

    @Override
    public void abort() {
        whenOpened(session::abort);
    }

    @Override
    public boolean isOpen() {
        return !closed.get() && session.isOpen();
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        byte[] utf8 = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= MAX_REASON_BYTES) {
            return reason;
        }
        int end = reason.length();
        while (reason.substring(0, end).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            end--;
        }
        return reason.substring(0, end);
    }

    @Override
    public String toString() {
        return "JettyConnection[" + remoteAddress + "]";
    }
}
