package org.hakoniwa.bridge.sim.runtime;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hakoniwa.bridge.pdu.buffer.BufferWriteListener;
import org.hakoniwa.bridge.pdu.buffer.CommunicationBuffer;
import org.hakoniwa.bridge.pdu.buffer.PduSample;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.config.PduChannel;
import org.hakoniwa.bridge.pdu.config.PduDefinition;
import org.hakoniwa.bridge.pdu.dispatch.PduDispatcher;
import org.hakoniwa.bridge.pdu.dispatch.KnownTopics;
import org.hakoniwa.bridge.pdu.endpoint.ClientSession;
import org.hakoniwa.bridge.pdu.endpoint.WsEndpoint;
import org.hakoniwa.bridge.pdu.ext.ExtensionHandler;
import org.hakoniwa.bridge.pdu.peer.Peer;
import org.hakoniwa.bridge.pdu.peer.PeerRegistry;
import org.hakoniwa.bridge.pdu.topic.PublishReport;
import org.hakoniwa.bridge.pdu.topic.TopicHub;
import org.hakoniwa.bridge.rpc.server.RpcServer;
import org.hakoniwa.bridge.rpc.service.ServiceHandler;
import org.hakoniwa.bridge.rpc.service.SyncServiceHandler;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.host.Bridge;
import org.hakoniwa.bridge.sim.host.BridgeStats;
import org.hakoniwa.bridge.sim.host.ClientListener;
import org.hakoniwa.bridge.sim.host.ClientStats;
import org.hakoniwa.bridge.sim.spi.PluginDirectory;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.route.RouteStore;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStore;
import org.hakoniwa.bridge.spi.transport.ServerOptions;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge put together: the endpoint feeds the dispatcher, the dispatcher feeds the topic hub, the buffer and the
 * RPC server. Created by the injector; {@link #start()} opens the server.
 */
public final class HakoniwaBridge implements Bridge {
    private static final Logger LOG = LoggerFactory.getLogger(HakoniwaBridge.class);

    private final BridgeConfig config;
    private final PduDefinition pdus;
    private final KnownTopics knownTopics;
    private final Transport transport;
    private final WsEndpoint endpoint;
    private final PduDispatcher dispatcher;
    private final TopicHub hub;
    private final CommunicationBuffer buffer;
    private final PeerRegistry peers;
    private final SubscriptionStore subscriptions;
    private final RouteStore routes;
    private final RpcServer rpc;
    private final ExtensionHandler extensions;
    private final StepClock stepClock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService handlerThreads;
    private final PluginDirectory plugins;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<ClientListener> clientListeners = new CopyOnWriteArrayList<>();
    private volatile InetSocketAddress address;

    @Inject
    public HakoniwaBridge(BridgeConfig config, PduDefinition pdus, KnownTopics knownTopics, Transport transport,
            WsEndpoint endpoint,
            PduDispatcher dispatcher, TopicHub hub, CommunicationBuffer buffer, PeerRegistry peers,
            SubscriptionStore subscriptions, RouteStore routes, RpcServer rpc, ExtensionHandler extensions,
            StepClock stepClock,
            ScheduledExecutorService scheduler, ExecutorService handlerThreads, PluginDirectory plugins) {
        this.config = requireNonNull(config, "config is null");
        this.pdus = requireNonNull(pdus, "pdus is null");
        this.knownTopics = requireNonNull(knownTopics, "knownTopics is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.hub = requireNonNull(hub, "hub is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.subscriptions = requireNonNull(subscriptions, "subscriptions is null");
        this.routes = requireNonNull(routes, "routes is null");
        this.rpc = requireNonNull(rpc, "rpc is null");
        this.extensions = requireNonNull(extensions, "extensions is null");
        this.stepClock = requireNonNull(stepClock, "stepClock is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.handlerThreads = requireNonNull(handlerThreads, "handlerThreads is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
    }

    /** Connects the parts and starts listening. */
    public HakoniwaBridge start() {
        LOG.info("effective configuration:\n{}", config.describeEffective());
        endpoint.onConnect(client -> {
            dispatcher.onConnect(client);
            clientListeners.forEach(listener -> notify(listener::connected, client));
        });
        endpoint.onMessageWithClient(dispatcher::onMessage);
        endpoint.onDisconnect(client -> {
            dispatcher.onDisconnect(client);
            clientListeners.forEach(listener -> notify(listener::disconnected, client));
        });
        endpoint.sendGuard(hub.sendGuard());
        dispatcher.route(MessageType.REGISTER_RPC_CLIENT, rpc);
        dispatcher.route(MessageType.PDU_DATA_RPC_REQUEST, rpc);
        dispatcher.route(MessageType.PDU_DATA_RPC_REPLY, rpc);
        dispatcher.route(MessageType.BRIDGE_EXTENSION, extensions);
        ServerOptions options = new ServerOptions(config.get(BridgeKeys.BIND), config.get(BridgeKeys.PORT),
                Math.toIntExact(config.get(BridgeKeys.MAX_MESSAGE_SIZE)), config.get(BridgeKeys.PERMESSAGE_DEFLATE),
                idleBackstop());
        address = endpoint.listen(options);
        LOG.info("Hakoniwa bridge ready on ws://{}:{}/ ({}; {} topics; backpressure policy {})", options.host(),
                address.getPort(), endpoint.settings().describeMode(), pdus.channels().size(),
                config.get(BridgeKeys.BACKPRESSURE_POLICY));
        return this;
    }

    /** Jetty's idle timeout stays as a backstop behind ping liveness: twice a ping round, or never without pings. */
    private Duration idleBackstop() {
        Duration interval = config.get(BridgeKeys.PING_INTERVAL);
        return interval.isZero() ? Duration.ZERO : interval.plus(config.get(BridgeKeys.PING_TIMEOUT)).multipliedBy(2);
    }

    @Override
    public InetSocketAddress address() {
        InetSocketAddress bound = address;
        if (bound == null) {
            throw new IllegalStateException("the bridge is not started");
        }
        return bound;
    }

    @Override
    public PublishReport publish(String robot, int channel, ByteBuffer body) {
        PduKey key = new PduKey(robot, channel);
        if (!knownTopics.allows(key)) {
            throw new IllegalArgumentException("the PDU definition has no topic " + key + " (known robots: "
                    + String.join(", ", pdus.robots()) + ")");
        }
        return hub.publish(key, body);
    }

    @Override
    public PublishReport publish(String robot, String topic, ByteBuffer body) {
        return publish(robot, channel(robot, topic).channelId(), body);
    }

    private PduChannel channel(String robot, String topic) {
        return pdus.channel(robot, topic).orElseThrow(() -> new IllegalArgumentException(
                "the PDU definition has no topic " + topic + " on robot " + robot));
    }

    @Override
    public Optional<PduSample> read(String robot, int channel) {
        return buffer.read(new PduKey(robot, channel));
    }

    @Override
    public Optional<PduSample> read(String robot, String topic) {
        return read(robot, channel(robot, topic).channelId());
    }

    @Override
    public void onClientWrite(BufferWriteListener listener) {
        buffer.addListener(listener);
    }

    @Override
    public void onClientEvents(ClientListener listener) {
        clientListeners.add(requireNonNull(listener, "listener is null"));
    }

    private static void notify(java.util.function.Consumer<ClientId> event, ClientId client) {
        try {
            event.accept(client);
        } catch (RuntimeException e) {
            LOG.error("client {}: a host client listener threw; carrying on", client, e);
        }
    }

    @Override
    public void registerService(String serviceName, ServiceHandler handler) {
        rpc.registerService(serviceName, handler);
    }

    @Override
    public void registerSyncService(String serviceName, SyncServiceHandler handler) {
        rpc.registerSyncService(serviceName, handler);
    }

    @Override
    public boolean unregisterService(String serviceName) {
        return rpc.unregisterService(serviceName);
    }

    @Override
    public void step(long simTimeMicros) {
        stepClock.step(simTimeMicros);
    }

    @Override
    public BridgeStats stats() {
        List<ClientStats> clients = new ArrayList<>();
        for (ClientSession session : endpoint.sessions()) {
            Peer peer = peers.find(session.id());
            String form = peer == null || peer.learnedForm() == null ? "unknown" : peer.learnedForm().name();
            clients.add(new ClientStats(session.id(), session.remoteAddress(), form,
                    subscriptions.keysOf(session.id()), peer == null ? Set.of() : peer.declaredWrites(),
                    peer == null ? 0 : peer.framesIn(),
                    peer == null ? 0 : peer.malformedIn(), session.queue().stats()));
        }
        return new BridgeStats(clients, subscriptions.topicCount(), subscriptions.subscriptionCount(),
                routes.registrationCount(), routes.pendingCount());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping the bridge");
        rpc.stop();
        endpoint.close();
        transport.close();
        handlerThreads.shutdownNow();
        scheduler.shutdownNow();
        plugins.close();
        LOG.info("bridge stopped");
    }
}
