package org.hakoniwa.bridge.pdu.dispatch;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameEncodeException;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.endpoint.ClientMdc;
import org.hakoniwa.bridge.pdu.endpoint.ClientSession;
import org.hakoniwa.bridge.pdu.endpoint.OutboundFrame;
import org.hakoniwa.bridge.pdu.endpoint.WsEndpoint;
import org.hakoniwa.bridge.pdu.peer.PeerRegistry;
import org.hakoniwa.bridge.spi.ClientId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one control frame (an RPC reply, an extension answer or notice) to one client: on its control lane, never
 * dropped and ahead of data, in the form the client speaks. v1 carries neither RPC nor the extension, so a client
 * that spoke v1 (or nothing yet) gets the current v2 form.
 */
public final class ControlFrames {
    private static final Logger LOG = LoggerFactory.getLogger(ControlFrames.class);

    private final WsEndpoint endpoint;
    private final PeerRegistry peers;
    private final FrameCodec codec;

    public ControlFrames(WsEndpoint endpoint, PeerRegistry peers, FrameCodec codec) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    /** Returns false, and logs at debug or warn, when the client is gone or the frame cannot be encoded. */
    public boolean send(ClientId to, MessageType type, String robot, int channel, ByteBuffer body) {
        ClientSession session = endpoint.find(to);
        try (ClientMdc ignored = ClientMdc.scope(to)) {
            if (session == null) {
                LOG.debug("client {} is gone; dropping a {} frame on {}", to, type, robot);
                return false;
            }
            FrameForm form = peers.replyForm(to);
            FrameForm v2 = form.canCarry(type) ? form : FrameForm.V2_304;
            ByteBuffer frame;
            try {
                frame = codec.encode(v2, type, robot, channel, body, 0, 0, 0);
            } catch (FrameEncodeException e) {
                LOG.warn("client {}: cannot send a {} frame on {}: {}", to, type, robot, e.getMessage());
                return false;
            }
            boolean accepted = session.queue().offerControl(OutboundFrame.raw(frame));
            if (accepted) {
                session.queue().pump();
            }
            return accepted;
        }
    }
}
