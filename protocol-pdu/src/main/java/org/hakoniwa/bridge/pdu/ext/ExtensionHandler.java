package org.hakoniwa.bridge.pdu.ext;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.dispatch.ControlFrames;
import org.hakoniwa.bridge.pdu.dispatch.FrameHandler;
import org.hakoniwa.bridge.pdu.dispatch.KnownTopics;
import org.hakoniwa.bridge.pdu.endpoint.WsEndpoint;
import org.hakoniwa.bridge.pdu.peer.Peer;
import org.hakoniwa.bridge.pdu.peer.PeerRegistry;
import org.hakoniwa.bridge.pdu.topic.TopicHub;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's extension protocol: frames of type {@link MessageType#BRIDGE_EXTENSION} whose body is a CBOR map with
 * an {@code op}. A client opts in by sending one; from then on, and only then, it is sent extension frames: answers
 * to its requests ({@code ack}, {@code error}, echoing its {@code id}) and notices ({@code lapsed}, {@code drops}).
 * Existing clients never send these frames, so they never receive any.
 *
 * <p>Operations: {@code hello}; {@code declare} (robot, channel, optional {@code last_value}, {@code ttl_ms},
 * {@code policy}); {@code renew} (robot, channel); {@code undeclare} (robot, channel). See the README for the exact
 * fields and answers.
 */
public final class ExtensionHandler implements FrameHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionHandler.class);
    /** The extension protocol's version, sent in the answer to {@code hello}. */
    public static final int PROTOCOL_VERSION = 1;

    private final PeerRegistry peers;
    private final TopicHub hub;
    private final ControlFrames controlFrames;
    private final KnownTopics knownTopics;
    private final PolicyCatalog policies;
    private final ExtensionCodec cbor = new ExtensionCodec();

    public ExtensionHandler(WsEndpoint endpoint, PeerRegistry peers, TopicHub hub, ControlFrames controlFrames,
            KnownTopics knownTopics, PolicyCatalog policies) {
        requireNonNull(endpoint, "endpoint is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.hub = requireNonNull(hub, "hub is null");
        this.controlFrames = requireNonNull(controlFrames, "controlFrames is null");
        this.knownTopics = requireNonNull(knownTopics, "knownTopics is null");
        this.policies = requireNonNull(policies, "policies is null");
        hub.onLapse(this::lapsed);
        endpoint.onSlowSpellEnded(this::caughtUp);
    }

    @Override
    public void onFrame(ClientId from, Frame frame) {
        Peer peer = peers.register(from);
        if (!peer.extensionEnabled()) {
            peer.enableExtension();
            LOG.info("client {} opted in to the bridge extension", from);
        }
        ExtensionMessage message;
        try {
            message = cbor.decode(frame.body());
        } catch (ExtensionException e) {
            LOG.warn("client {}: dropping an extension frame: {}", from, e.getMessage());
            answerError(from, null, e);
            return;
        }
        try {
            Map<String, Object> answer = switch (message.op()) {
                case "hello" -> hello();
                case "declare" -> declare(peer, message);
                case "renew" -> renew(peer, message);
                case "undeclare" -> undeclare(peer, message);
                default -> throw new ExtensionException("unknown-op", "unknown op \"" + message.op()
                        + "\" (known: hello, declare, renew, undeclare)");
            };
            answer.put("op", "ack");
            answer.put("id", message.id());
            send(from, answer);
        } catch (ExtensionException e) {
            LOG.info("client {}: extension {} refused: {}", from, message.op(), e.getMessage());
            answerError(from, message.id(), e);
        }
    }

    private Map<String, Object> hello() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("protocol", PROTOCOL_VERSION);
        answer.put("ops", List.of("hello", "declare", "renew", "undeclare"));
        answer.put("policies", List.copyOf(policies.names()));
        return answer;
    }

    private Map<String, Object> declare(Peer peer, ExtensionMessage message) throws ExtensionException {
        PduKey key = key(message);
        boolean lastValue = message.optionalBoolean("last_value", true);
        long ttlMillis = message.optionalLong("ttl_ms", 0);
        if (ttlMillis < 0) {
            throw ExtensionException.badRequest("ttl_ms must not be negative: " + ttlMillis);
        }
        String policyName = message.optionalString("policy");
        BackpressurePolicy policy = null;
        if (policyName != null) {
            policy = policies.byName(policyName).orElseThrow(() -> new ExtensionException("unknown-policy",
                    "unknown policy \"" + policyName + "\" (known: " + String.join(", ", policies.names()) + ")"));
        }
        // The policy is in force before the declare, so the last value already goes through it.
        peer.choosePolicy(key, policy);
        boolean added = hub.declareRead(peer.id(), key, lastValue);
        hub.lease(peer.id(), key, Duration.ofMillis(ttlMillis));
        LOG.debug("client {} declared read on {} (extension: last_value {}, ttl {} ms, policy {})", peer.id(), key,
                lastValue, ttlMillis, policyName == null ? "server's" : policyName);
        Map<String, Object> answer = topicFields(key);
        answer.put("added", added);
        return answer;
    }

    private Map<String, Object> renew(Peer peer, ExtensionMessage message) throws ExtensionException {
        PduKey key = key(message);
        if (!hub.renewLease(peer.id(), key)) {
            throw new ExtensionException("not-leased", "no leased subscription to " + key + " to renew");
        }
        return topicFields(key);
    }

    private Map<String, Object> undeclare(Peer peer, ExtensionMessage message) throws ExtensionException {
        PduKey key = key(message);
        boolean removed = hub.undeclareRead(peer.id(), key);
        peer.choosePolicy(key, null);
        LOG.debug("client {} undeclared {} ({})", peer.id(), key, removed ? "removed" : "was not declared");
        Map<String, Object> answer = topicFields(key);
        answer.put("removed", removed);
        return answer;
    }

    private PduKey key(ExtensionMessage message) throws ExtensionException {
        PduKey key = new PduKey(message.string("robot"), message.integer("channel"));
        if (!knownTopics.allows(key)) {
            throw new ExtensionException("unknown-topic", "the PDU definition has no topic " + key);
        }
        return key;
    }

    private static Map<String, Object> topicFields(PduKey key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("robot", key.robot());
        fields.put("channel", key.channel());
        return fields;
    }

    private void lapsed(ClientId client, PduKey key) {
        Peer peer = peers.find(client);
        if (peer != null) {
            peer.choosePolicy(key, null);
        }
        LOG.info("client {}: its subscription to {} lapsed (not renewed in time)", client, key);
        if (peer != null && peer.extensionEnabled()) {
            Map<String, Object> notice = topicFields(key);
            notice.put("op", "lapsed");
            send(client, notice);
        }
    }

    private void caughtUp(ClientId client, long dropped) {
        Peer peer = peers.find(client);
        if (peer != null && peer.extensionEnabled()) {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("op", "drops");
            notice.put("count", dropped);
            send(client, notice);
        }
    }

    private void answerError(ClientId to, Object id, ExtensionException error) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("op", "error");
        answer.put("id", id);
        answer.put("code", error.code());
        answer.put("message", error.getMessage());
        send(to, answer);
    }

    /** Sends an extension frame on the client's control lane, in its v2 form. */
    private void send(ClientId to, Map<String, Object> message) {
        controlFrames.send(to, MessageType.BRIDGE_EXTENSION, "", 0, cbor.encode(message));
    }
}
