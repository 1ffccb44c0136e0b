package org.hakoniwa.bridge.pdu.endpoint;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.transport.Connection;

/** One admitted connection: its id, its outbound queue and its liveness state. */
public final class ClientSession {
    private final ClientId id;
    private final Connection connection;
    private final OutboundQueue queue;
    private final long connectedAtNanos;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long lastSeenNanos;
    private volatile ScheduledFuture<?> pingTask;
    private volatile ScheduledFuture<?> pongCheck;
    private volatile boolean sentText;

    ClientSession(ClientId id, Connection connection, OutboundQueue queue) {
        this.id = requireNonNull(id, "id is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.queue = requireNonNull(queue, "queue is null");
        this.connectedAtNanos = System.nanoTime();
        this.lastSeenNanos = connectedAtNanos;
    }

    public ClientId id() {
        return id;
    }

    public String remoteAddress() {
        return connection.remoteAddress();
    }

    public OutboundQueue queue() {
        return queue;
    }

    /** False once the connection ended, whatever ended it. */
    public boolean isOpen() {
        return !ended.get();
    }

    Connection connection() {
        return connection;
    }

    long connectedAtNanos() {
        return connectedAtNanos;
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    void seen() {
        lastSeenNanos = System.nanoTime();
    }

    /** True the first time only: the caller runs the end-of-connection work. */
    boolean markEnded() {
        return ended.compareAndSet(false, true);
    }

    void pingTask(ScheduledFuture<?> task) {
        pingTask = task;
    }

    void pongCheck(ScheduledFuture<?> check) {
        pongCheck = check;
    }

    /** Cancels the pings and the pending pong check, so that the timer holds nothing of an ended connection. */
    void cancelPing() {
        ScheduledFuture<?> task = pingTask;
        if (task != null) {
            task.cancel(false);
        }
        ScheduledFuture<?> check = pongCheck;
        if (check != null) {
            check.cancel(false);
        }
    }

    /** True the first time the client sends a text message, so that only the first is logged loudly. */
    boolean firstText() {
        if (sentText) {
            return false;
        }
        sentText = true;
        return true;
    }

    @Override
    public String toString() {
        return "ClientSession[" + id + " " + connection.remoteAddress() + "]";
    }
}
