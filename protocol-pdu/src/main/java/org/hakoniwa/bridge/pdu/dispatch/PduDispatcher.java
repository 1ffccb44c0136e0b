package org.hakoniwa.bridge.pdu.dispatch;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.hakoniwa.bridge.pdu.buffer.CommunicationBuffer;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameDecodeException;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.peer.Peer;
import org.hakoniwa.bridge.pdu.peer.PeerRegistry;
import org.hakoniwa.bridge.pdu.topic.TopicHub;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes every inbound message and acts on it: declares, writes and read requests here, RPC and extension
 * frames through their {@link FrameHandler}s. A message that does not decode, or asks for something the bridge
 * does not do, is logged with the client id and dropped; the connection and every other client carry on.
 *
 * <p>Runs on the network thread of the sending client (never concurrently for one client); it never waits.
 */
public final class PduDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PduDispatcher.class);

    private final FrameCodec codec;
    private final PeerRegistry peers;
    private final TopicHub hub;
    private final CommunicationBuffer buffer;
    private final KnownTopics knownTopics;
    private final boolean relayClientWrites;
    private final Map<MessageType, FrameHandler> handlers = new EnumMap<>(MessageType.class);

    public PduDispatcher(FrameCodec codec, PeerRegistry peers, TopicHub hub, CommunicationBuffer buffer,
            KnownTopics knownTopics, boolean relayClientWrites) {
        this.codec = requireNonNull(codec, "codec is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.hub = requireNonNull(hub, "hub is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
        this.knownTopics = requireNonNull(knownTopics, "knownTopics is null");
        this.relayClientWrites = relayClientWrites;
    }

    /** Routes frames of {@code type} to {@code handler}. Wiring only: call before the server starts. */
    public void route(MessageType type, FrameHandler handler) {
        handlers.put(requireNonNull(type, "type is null"), requireNonNull(handler, "handler is null"));
    }

    public void onConnect(ClientId client) {
        peers.register(client);
    }

    public void onDisconnect(ClientId client) {
        hub.removeClient(client);
        for (FrameHandler handler : Set.copyOf(handlers.values())) {
            handler.onDisconnect(client);
        }
        peers.remove(client);
    }

    public void onMessage(ClientId from, ByteBuffer message) {
        Peer peer = peers.register(from);
        peer.countFrame();
        Frame frame;
        try {
            frame = codec.decode(message);
        } catch (FrameDecodeException e) {
            peer.countMalformed();
            LOG.warn("client {}: dropping a malformed message of {} bytes: {}", from, message.remaining(),
                    e.getMessage());
            return;
        }
        if (peer.learnForm(frame.form())) {
            LOG.debug("client {} speaks {}", from, frame.form());
        }
        switch (frame.type()) {
            case DECLARE_PDU_FOR_READ -> declareRead(peer, frame.key());
            case DECLARE_PDU_FOR_WRITE -> declareWrite(peer, frame.key());
            case REQUEST_PDU_READ -> requestRead(peer, frame.key());
            case PDU_DATA -> write(peer, frame);
            default -> delegate(peer, frame);
        }
    }

    private boolean known(Peer peer, PduKey key, String what) {
        if (knownTopics.allows(key)) {
            return true;
        }
        String warning = what + " " + key;
        if (peer.firstWarning(warning)) {
            LOG.warn("client {}: ignoring {} on {}, a topic the PDU definition does not know (set"
                    + " bridge.pdu.unknown-topics=allow-unknown to accept it); further ones are logged at debug",
                    peer.id(), what, key);
        } else {
            LOG.debug("client {}: ignoring {} on unknown topic {}", peer.id(), what, key);
        }
        return false;
    }

    private void declareRead(Peer peer, PduKey key) {
        if (known(peer, key, "DECLARE_PDU_FOR_READ")) {
            boolean added = hub.declareRead(peer.id(), key, true);
            LOG.debug("client {} declared read on {}{}", peer.id(), key, added ? "" : " (again)");
        }
    }

    private void declareWrite(Peer peer, PduKey key) {
        if (known(peer, key, "DECLARE_PDU_FOR_WRITE")) {
            peer.declareWrite(key);
            LOG.debug("client {} declared write on {}", peer.id(), key);
        }
    }

    private void requestRead(Peer peer, PduKey key) {
        if (known(peer, key, "REQUEST_PDU_READ")) {
            boolean sent = hub.requestRead(peer.id(), key, buffer.read(key));
            LOG.debug("client {} requested {}: {}", peer.id(), key, sent ? "sent" : "no value yet");
        }
    }

    private void write(Peer peer, Frame frame) {
        PduKey key = frame.key();
        if (!known(peer, key, "PDU_DATA")) {
            return;
        }
        ByteBuffer body = frame.body();
        buffer.write(key, body);
        if (relayClientWrites) {
            try {
                hub.relay(key, body, peer.id());
            } catch (RuntimeException e) {
                LOG.warn("client {}: cannot relay its write on {}: {}", peer.id(), key, e.getMessage());
            }
        }
    }

    private void delegate(Peer peer, Frame frame) {
        FrameHandler handler = handlers.get(frame.type());
        if (handler == null) {
            if (peer.firstWarning("unhandled " + frame.type())) {
                LOG.warn("client {}: dropping a {} frame: this bridge does not handle them", peer.id(), frame.type());
            }
            return;
        }
        handler.onFrame(peer.id(), frame);
    }
}
