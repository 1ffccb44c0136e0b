package org.hakoniwa.bridge.transport.jetty;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The open connections of one server (or of the client side), so that stopping can close them properly. */
final class OpenConnections {
    private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);

    private final Set<JettyConnection> connections = ConcurrentHashMap.newKeySet();

    void add(JettyConnection connection) {
        connections.add(connection);
    }

    void remove(JettyConnection connection) {
        connections.remove(connection);
    }

    /** Starts the closing handshake on every connection and waits up to {@code wait} for them to finish. */
    void closeAll(int code, String reason, Duration wait) {
        List<JettyConnection> open = List.copyOf(connections);
        if (open.isEmpty()) {
            return;
        }
        open.forEach(connection -> connection.close(code, reason));
        CompletableFuture<?>[] closing = open.stream().map(JettyConnection::closedFuture)
                .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(closing).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} connection(s) did not finish closing within {} ms; dropping them",
                    connections.size(), wait.toMillis());
            List.copyOf(connections).forEach(JettyConnection::abort);
        } catch (ExecutionException e) {
            LOG.debug("error while closing connections", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
