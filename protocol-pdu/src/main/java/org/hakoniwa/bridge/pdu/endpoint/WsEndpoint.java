package org.hakoniwa.bridge.pdu.endpoint;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.transport.ClientOptions;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.ConnectionHandler;
import org.hakoniwa.bridge.spi.transport.ServerHandle;
import org.hakoniwa.bridge.spi.transport.ServerOptions;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket endpoint in one of two roles, over the {@link Transport} SPI.
 *
 * <p>A {@link Role#SERVER} accepts connections, gives each a {@link ClientId} ({@code ws000001}, …), keeps them in
 * a registry and sends to one ({@link #send(ByteBuffer, ClientId)}) or all ({@link #broadcast}). A
 * {@link Role#CLIENT} holds one connection and sends with {@link #send(ByteBuffer)}. Either way every connection
 * has its own outbound queue, so sends never wait on the network and one connection's messages leave in the order
 * they were accepted, whatever thread sent them.
 *
 * <p>Callbacks run on the transport's network threads, with the client id in the slf4j MDC. A callback that
 * throws is logged with the client id; the connection and the endpoint carry on.
 */
public final class WsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);

    /** Which side of the connection this endpoint is. */
    public enum Role {
        SERVER, CLIENT
    }

    private final Role role;
    private final Transport transport;
    private final EndpointSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ConcurrentHashMap<ClientId, ClientSession> sessions = new ConcurrentHashMap<>();
    private final Object admission = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean sendToWarned = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile ServerHandle server;
    private volatile Consumer<ByteBuffer> onMessage;
    private volatile BiConsumer<ClientId, ByteBuffer> onMessageWithClient;
    private volatile Consumer<ClientId> onConnect;
    private volatile Consumer<ClientId> onDisconnect;
    private volatile SendGuard sendGuard = SendGuard.ALWAYS;
    private volatile SlowSpellListener slowSpellListener;

    private WsEndpoint(Role role, Transport transport, EndpointSettings settings, ScheduledExecutorService scheduler) {
        this.role = role;
        this.transport = requireNonNull(transport, "transport is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    public static WsEndpoint server(Transport transport, EndpointSettings settings, ScheduledExecutorService scheduler) {
        return new WsEndpoint(Role.SERVER, transport, settings, scheduler);
    }

    public static WsEndpoint client(Transport transport, EndpointSettings settings, ScheduledExecutorService scheduler) {
        return new WsEndpoint(Role.CLIENT, transport, settings, scheduler);
    }

    public Role role() {
        return role;
    }

    public EndpointSettings settings() {
        return settings;
    }

    /** Starts listening (SERVER only). Returns the bound address. */
    public InetSocketAddress listen(ServerOptions options) {
        requireRole(Role.SERVER, "listen(options)", "a client connects with connect(uri, options)");
        requireNonNull(options, "options is null");
        ServerHandle handle = transport.listen(options, this::accept);
        server = handle;
        LOG.info("listening on ws://{}:{}/ in {} mode", options.host(), handle.address().getPort(),
                settings.describeMode());
        return handle.address();
    }

    /** Connects to a server (CLIENT only). Completes with this side's connection id once open. */
    public CompletableFuture<ClientId> connect(URI uri, ClientOptions options) {
        requireRole(Role.CLIENT, "connect(uri, options)", "a server accepts connections with listen(options)");
        if (!sessions.isEmpty()) {
            throw new IllegalStateException("this CLIENT endpoint is already connected; use another endpoint");
        }
        return transport.connect(uri, options, this::accept).thenApply(connection ->
                sessions.values().stream().filter(s -> s.connection() == connection).findFirst()
                        .map(ClientSession::id)
                        .orElseThrow(() -> new IllegalStateException("connection to " + uri + " was refused")));
    }

    // ---- callbacks -------------------------------------------------------------------------------------------

    /** The single-client callback: every message, without saying whose. Ignored once {@link #onMessageWithClient} is set. */
    public void onMessage(Consumer<ByteBuffer> callback) {
        onMessage = callback;
    }

    /** Every message with the id of the connection it came on. Takes precedence over {@link #onMessage}. */
    public void onMessageWithClient(BiConsumer<ClientId, ByteBuffer> callback) {
        onMessageWithClient = callback;
    }

    /** A connection was admitted; called before any of its messages. */
    public void onConnect(Consumer<ClientId> callback) {
        onConnect = callback;
    }

    /** A connection ended: called exactly once per admitted connection, whatever ended it. */
    public void onDisconnect(Consumer<ClientId> callback) {
        onDisconnect = callback;
    }

    /** Told when a client that lost frames has caught up, with how many it lost; for in-band drop notices. */
    public void onSlowSpellEnded(SlowSpellListener listener) {
        slowSpellListener = listener;
    }

    /** Consulted right before a guarded frame leaves; see {@link SendGuard}. */
    public void sendGuard(SendGuard guard) {
        sendGuard = requireNonNull(guard, "guard is null");
    }

    // ---- sending ---------------------------------------------------------------------------------------------

    /**
     * Sends one message to the server (CLIENT only). The endpoint copies {@code data}. Returns whether it was
     * accepted for sending; delivery failures are logged, never thrown.
     */
    public boolean send(ByteBuffer data) {
        requireRole(Role.CLIENT, "send(data)", "a server names the recipient: send(data, to)");
        requireNonNull(data, "data is null");
        Optional<ClientSession> session = sessions.values().stream().findFirst();
        if (session.isEmpty()) {
            LOG.debug("send(data): not connected");
            return false;
        }
        OutboundQueue queue = session.get().queue();
        boolean accepted = queue.offerControl(OutboundFrame.raw(copy(data)));
        queue.pump();
        return accepted;
    }

    /**
     * Sends one message to client {@code to} (SERVER only). The endpoint copies {@code data}. Returns false, and
     * logs at debug, when {@code to} is unknown or gone, or the client's queue refused the message.
     */
    public boolean send(ByteBuffer data, ClientId to) {
        requireRole(Role.SERVER, "send(data, to)", "a client has one connection: send(data)");
        requireNonNull(data, "data is null");
        if (to == null) {
            throw new IllegalArgumentException("send(data, to) on a SERVER endpoint needs a client id: to is null");
        }
        ClientSession session = sessions.get(to);
        if (session == null) {
            LOG.debug("send to {}: no such client (unknown or disconnected)", to);
            return false;
        }
        return offerRaw(session, OutboundFrame.raw(copy(data)));
    }

    /** Sends one message to every connected client (SERVER only); returns how many accepted it. */
    public int broadcast(ByteBuffer data) {
        requireRole(Role.SERVER, "broadcast(data)", "a client has one connection: send(data)");
        requireNonNull(data, "data is null");
        OutboundFrame frame = OutboundFrame.raw(copy(data));
        int accepted = 0;
        for (ClientSession session : sessions.values()) {
            if (offerRaw(session, frame)) {
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * The single-client name of {@link #send(ByteBuffer, ClientId)}.
     *
     * @deprecated use {@link #send(ByteBuffer, ClientId)}
     */
    @Deprecated
    public boolean sendTo(ClientId to, ByteBuffer data) {
        if (sendToWarned.compareAndSet(false, true)) {
            LOG.warn("WsEndpoint.sendTo(to, data) is deprecated and will be removed; use send(data, to)");
        }
        return send(data, to);
    }

    private boolean offerRaw(ClientSession session, OutboundFrame frame) {
        OutboundQueue queue = session.queue();
        Decision decision = queue.offerDataNow(frame, settings.policy());
        queue.pump();
        boolean accepted = decision == Decision.ACCEPTED || decision == Decision.REPLACED;
        if (!accepted) {
            LOG.debug("send to {}: its queue refused the message", session.id());
        }
        return accepted;
    }

    private static ByteBuffer copy(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy.asReadOnlyBuffer();
    }

    // ---- registry --------------------------------------------------------------------------------------------

    /** The live session of {@code client}, if it is connected. */
    public Optional<ClientSession> session(ClientId client) {
        return Optional.ofNullable(sessions.get(client));
    }

    /** The live session of {@code client}, or null when it is not connected. For hot paths. */
    public ClientSession find(ClientId client) {
        return sessions.get(client);
    }

    /** A snapshot of the live sessions. */
    public Collection<ClientSession> sessions() {
        return List.copyOf(sessions.values());
    }

    public int clientCount() {
        return sessions.size();
    }

    /**
     * The single-connection accessor of single-client applications: the most recently connected live client, or
     * empty when none is connected.
     */
    public Optional<ClientId> connection() {
        return sessions.keySet().stream().max(Comparator.naturalOrder());
    }

    /** Queue figures of every live client. */
    public List<QueueStats> queueStats() {
        List<QueueStats> stats = new ArrayList<>();
        for (ClientSession session : sessions.values()) {
            stats.add(session.queue().stats());
        }
        return stats;
    }

    // ---- connection lifecycle --------------------------------------------------------------------------------

    private ConnectionHandler accept(Connection connection) {
        ClientId id = ClientIdSequence.next();
        String refusal = null;
        int refusalCode = Connection.NORMAL;
        ClientSession session = null;
        synchronized (admission) {
            if (stopping) {
                refusal = "server stopping";
                refusalCode = Connection.GOING_AWAY;
            } else if (role == Role.SERVER && !settings.multiClient() && !sessions.isEmpty()) {
                refusal = "only one client at a time (multi-client mode is off)";
            } else if (role == Role.SERVER && sessions.size() >= settings.maxClients()) {
                refusal = "too many clients (max-clients " + settings.maxClients() + ")";
                refusalCode = Connection.TRY_AGAIN_LATER;
            } else {
                QueueListener listener = new SessionQueueListener();
                session = new ClientSession(id, connection,
                        new OutboundQueue(id, connection, settings.queueLimits(), this::guardedSend, listener));
                sessions.put(id, session);
            }
        }
        try (ClientMdc ignored = ClientMdc.scope(id)) {
            if (session == null) {
                LOG.warn("client {} from {} refused with {}: {}", id, connection.remoteAddress(), refusalCode, refusal);
                connection.close(refusalCode, refusal);
                return new RefusedHandler(id);
            }
            LOG.info("client {} connected from {} ({} connected)", id, connection.remoteAddress(), sessions.size());
            startLiveness(session);
            Consumer<ClientId> callback = onConnect;
            if (callback != null) {
                invoke("onConnect", id, () -> callback.accept(id));
            }
        }
        return new SessionHandler(session);
    }

    private boolean guardedSend(ClientId client, org.hakoniwa.bridge.spi.PduKey key) {
        return sendGuard.stillWanted(client, key);
    }

    private void startLiveness(ClientSession session) {
        long intervalNanos = settings.pingInterval().toNanos();
        if (intervalNanos <= 0) {
            return;
        }
        session.pingTask(scheduler.scheduleWithFixedDelay(() -> ping(session), intervalNanos, intervalNanos,
                TimeUnit.NANOSECONDS));
    }

    private void ping(ClientSession session) {
        if (!session.isOpen()) {
            session.cancelPing();
            return;
        }
        long sentAt = System.nanoTime();
        ByteBuffer payload = ByteBuffer.allocate(Long.BYTES).putLong(0, sentAt);
        session.connection().sendPing(payload);
        session.pongCheck(scheduler.schedule(() -> checkPong(session, sentAt), settings.pingTimeout().toNanos(),
                TimeUnit.NANOSECONDS));
    }

    private void checkPong(ClientSession session, long pingSentAt) {
        if (!session.isOpen() || session.lastSeenNanos() - pingSentAt >= 0) {
            return;
        }
        try (ClientMdc ignored = ClientMdc.scope(session.id())) {
            LOG.warn("client {} did not answer a ping within {} ms; dropping the connection", session.id(),
                    settings.pingTimeout().toMillis());
        }
        session.connection().abort();
        end(session, Connection.ABNORMAL, "ping timeout");
    }

    /** Runs the end-of-connection work exactly once per session, whatever ended it. */
    private void end(ClientSession session, int code, String reason) {
        if (!session.markEnded()) {
            return;
        }
        sessions.remove(session.id(), session);
        session.cancelPing();
        QueueStats stats = session.queue().stats();
        session.queue().close();
        try (ClientMdc ignored = ClientMdc.scope(session.id())) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - session.connectedAtNanos());
            LOG.info("client {} disconnected: code {}{} after {} s; {} messages sent, {} dropped ({} connected)",
                    session.id(), code, reason.isEmpty() ? "" : " (" + reason + ")", seconds, stats.sentFrames(),
                    stats.droppedTotal(), sessions.size());
            Consumer<ClientId> callback = onDisconnect;
            if (callback != null) {
                invoke("onDisconnect", session.id(), () -> callback.accept(session.id()));
            }
        }
    }

    private static void invoke(String name, ClientId client, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("client {}: the {} callback threw; carrying on", client, name, e);
        }
    }

    private void requireRole(Role required, String method, String hint) {
        if (role != required) {
            throw new IllegalStateException(method + " is for the " + required + " role only; this endpoint is a "
                    + role + ": " + hint);
        }
    }

    /**
     * Stops the endpoint: refuses new connections, lets queued messages leave for up to the drain timeout,
     * closes every connection with 1001 and stops the transport's server. Every admitted connection gets its
     * {@code onDisconnect}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (admission) {
            stopping = true;
        }
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        for (ClientSession session : sessions.values()) {
            try {
                session.queue().awaitIdle(Math.max(0, deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ClientSession session : sessions.values()) {
            session.connection().close(Connection.GOING_AWAY, "server stopping");
        }
        ServerHandle handle = server;
        if (handle != null) {
            handle.close();
        }
        for (ClientSession session : List.copyOf(sessions.values())) {
            end(session, Connection.GOING_AWAY, "endpoint stopped");
        }
        LOG.info("{} endpoint stopped", role);
    }

    /** Events of an admitted connection. */
    private final class SessionHandler implements ConnectionHandler {
        private final ClientSession session;

        private SessionHandler(ClientSession session) {
            this.session = session;
        }

        @Override
        public void onBinary(ByteBuffer message) {
            session.seen();
            BiConsumer<ClientId, ByteBuffer> withClient = onMessageWithClient;
            Consumer<ByteBuffer> legacy = onMessage;
            try (ClientMdc ignored = ClientMdc.scope(session.id())) {
                if (withClient != null) {
                    invoke("onMessageWithClient", session.id(), () -> withClient.accept(session.id(), message));
                } else if (legacy != null) {
                    invoke("onMessage", session.id(), () -> legacy.accept(message));
                }
            }
        }

        @Override
        public void onText(String message) {
            session.seen();
            try (ClientMdc ignored = ClientMdc.scope(session.id())) {
                if (session.firstText()) {
                    LOG.warn("client {} sent a text message ({} chars); the protocol is binary, ignoring it"
                            + " (further text messages are logged at debug)", session.id(), message.length());
                } else {
                    LOG.debug("client {} sent a text message ({} chars); ignoring it", session.id(), message.length());
                }
            }
        }

        @Override
        public void onPong(ByteBuffer payload) {
            session.seen();
        }

        @Override
        public void onError(Throwable cause) {
            try (ClientMdc ignored = ClientMdc.scope(session.id())) {
                LOG.debug("client {}: transport error: {}", session.id(), cause.toString());
            }
        }

        @Override
        public void onClose(int code, String reason) {
            end(session, code, reason);
        }
    }

    /** Reacts to an outbound queue's trouble by ending its connection. */
    private final class SessionQueueListener implements QueueListener {
        @Override
        public void onControlOverflow(ClientId client, int waiting) {
            ClientSession session = sessions.get(client);
            try (ClientMdc ignored = ClientMdc.scope(client)) {
                LOG.warn("client {} is not reading: {} replies wait in its control queue; disconnecting it",
                        client, waiting);
            }
            if (session != null) {
                session.connection().abort();
                end(session, Connection.POLICY_VIOLATION, "send queue overflow");
            }
        }

        @Override
        public void onSlowSpellEnded(ClientId client, long dropped) {
            SlowSpellListener listener = slowSpellListener;
            if (listener != null) {
                invoke("onSlowSpellEnded", client, () -> listener.caughtUp(client, dropped));
            }
        }

        @Override
        public void onSendFailure(ClientId client, Throwable cause) {
            try (ClientMdc ignored = ClientMdc.scope(client)) {
                LOG.debug("client {}: send failed: {}", client, cause.toString());
            }
        }
    }

    /** A refused connection: it only waits for its close. */
    private static final class RefusedHandler implements ConnectionHandler {
        private final ClientId id;

        private RefusedHandler(ClientId id) {
            this.id = id;
        }

        @Override
        public void onBinary(ByteBuffer message) {
        }

        @Override
        public void onClose(int code, String reason) {
            try (ClientMdc ignored = ClientMdc.scope(id)) {
                LOG.debug("refused client {} closed: {}", id, code);
            }
        }
    }
}
