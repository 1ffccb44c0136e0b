package org.hakoniwa.bridge.sim.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.concurrent.ScheduledExecutorService;
import org.hakoniwa.bridge.pdu.buffer.CommunicationBuffer;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.config.PduDefinition;
import org.hakoniwa.bridge.pdu.dispatch.ControlFrames;
import org.hakoniwa.bridge.pdu.dispatch.KnownTopics;
import org.hakoniwa.bridge.pdu.dispatch.PduDispatcher;
import org.hakoniwa.bridge.pdu.dispatch.UnknownTopics;
import org.hakoniwa.bridge.pdu.endpoint.EndpointSettings;
import org.hakoniwa.bridge.pdu.endpoint.QueueLimits;
import org.hakoniwa.bridge.pdu.endpoint.WsEndpoint;
import org.hakoniwa.bridge.pdu.ext.ExtensionHandler;
import org.hakoniwa.bridge.pdu.ext.PolicyCatalog;
import org.hakoniwa.bridge.pdu.peer.PeerRegistry;
import org.hakoniwa.bridge.pdu.topic.TopicHub;
import org.hakoniwa.bridge.pdu.topic.TopicOptions;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.host.SimulationClock;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStore;
import org.hakoniwa.bridge.spi.transport.Transport;

/** The PDU side: codec, endpoint, peers, CommunicationBuffer, topic hub, dispatcher. */
final class PduModule extends AbstractModule {
    @Provides
    @Singleton
    FrameCodec codec(BridgeConfig config) {
        return new FrameCodec(Math.toIntExact(config.get(BridgeKeys.MAX_OUTBOUND_MESSAGE_SIZE)));
    }

    @Provides
    @Singleton
    PeerRegistry peers() {
        return new PeerRegistry();
    }

    @Provides
    @Singleton
    EndpointSettings endpointSettings(BridgeConfig config, BackpressurePolicy policy) {
        QueueLimits limits = new QueueLimits(config.get(BridgeKeys.BACKPRESSURE_QUEUE_DEPTH),
                config.get(BridgeKeys.BACKPRESSURE_QUEUE_BYTES),
                config.get(BridgeKeys.BACKPRESSURE_CONTROL_QUEUE_DEPTH),
                Math.toIntExact(config.get(BridgeKeys.MAX_OUTBOUND_MESSAGE_SIZE)));
        return new EndpointSettings(config.get(BridgeKeys.MAX_CLIENTS), config.multiClientEnabled(),
                config.get(BridgeKeys.PING_INTERVAL), config.get(BridgeKeys.PING_TIMEOUT), limits, policy,
                config.get(BridgeKeys.SHUTDOWN_DRAIN_TIMEOUT));
    }

    @Provides
    @Singleton
    WsEndpoint endpoint(Transport transport, EndpointSettings settings, ScheduledExecutorService scheduler) {
        return WsEndpoint.server(transport, settings, scheduler);
    }

    @Provides
    @Singleton
    UnknownTopics unknownTopics(BridgeConfig config) {
        return UnknownTopics.fromConfig(config.get(BridgeKeys.PDU_UNKNOWN_TOPICS));
    }

    @Provides
    @Singleton
    KnownTopics knownTopics(PduDefinition definition, UnknownTopics unknownTopics) {
        return new KnownTopics(definition, unknownTopics);
    }

    @Provides
    @Singleton
    CommunicationBuffer buffer(PduDefinition definition, UnknownTopics unknownTopics) {
        return new CommunicationBuffer(definition, unknownTopics == UnknownTopics.ALLOW_UNKNOWN);
    }

    @Provides
    @Singleton
    TopicHub hub(WsEndpoint endpoint, SubscriptionStore store, PeerRegistry peers, FrameCodec codec,
            BackpressurePolicy policy, BridgeConfig config, SimulationClock clock, ScheduledExecutorService scheduler) {
        TopicOptions options = new TopicOptions(config.get(BridgeKeys.PDU_LAST_VALUE_ON_DECLARE),
                config.get(BridgeKeys.PDU_BROADCAST_TO_UNDECLARED));
        return new TopicHub(endpoint, store, peers, codec, policy, options, clock::simTimeMicros, scheduler);
    }

    @Provides
    @Singleton
    PduDispatcher dispatcher(FrameCodec codec, PeerRegistry peers, TopicHub hub, CommunicationBuffer buffer,
            KnownTopics knownTopics, BridgeConfig config) {
        return new PduDispatcher(codec, peers, hub, buffer, knownTopics, config.get(BridgeKeys.PDU_RELAY_CLIENT_WRITES));
    }

    @Provides
    @Singleton
    ControlFrames controlFrames(WsEndpoint endpoint, PeerRegistry peers, FrameCodec codec) {
        return new ControlFrames(endpoint, peers, codec);
    }

    @Provides
    @Singleton
    ExtensionHandler extensions(WsEndpoint endpoint, PeerRegistry peers, TopicHub hub, ControlFrames controlFrames,
            KnownTopics knownTopics, PolicyCatalog policies) {
        return new ExtensionHandler(endpoint, peers, hub, controlFrames, knownTopics, policies);
    }
}
