package org.hakoniwa.bridge.pdu.peer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.spi.ClientId;

/** The {@link Peer} of every connected client. Thread-safe. */
public final class PeerRegistry {
    private final Map<ClientId, Peer> peers = new ConcurrentHashMap<>();

    /** Creates the peer of a newly connected client (or returns the existing one). */
    public Peer register(ClientId id) {
        return peers.computeIfAbsent(id, Peer::new);
    }

    public void remove(ClientId id) {
        peers.remove(id);
    }


    /** The peer of {@code id}, or null when it is not connected. For hot paths. */
    public Peer find(ClientId id) {
        return peers.get(id);
    }

    /** The form to send to {@code id}: v2-304 when unknown. */
    public FrameForm replyForm(ClientId id) {
        Peer peer = peers.get(id);
        return peer == null ? FrameForm.V2_304 : peer.replyForm();
    }


}
