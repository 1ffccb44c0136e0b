package org.hakoniwa.bridge.rpc.server;

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
 * Sends RPC replies on the caller's control lane (never dropped, ahead of data), in the v2 form the caller speaks.
 */
public final class EndpointReplySender implements ReplySender {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointReplySender.class);

    private final WsEndpoint endpoint;
    private final PeerRegistry peers;
    private final FrameCodec codec;

    public EndpointReplySender(WsEndpoint endpoint, PeerRegistry peers, FrameCodec codec) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    @Override
    public void send(ClientId to, String service, int channel, ByteBuffer body) {
        ClientSession session = endpoint.find(to);
        try (ClientMdc ignored = ClientMdc.scope(to)) {
            if (session == null) {
                LOG.debug("client {} is gone; dropping its RPC reply on {}", to, service);
                return;
            }
            FrameForm form = peers.replyForm(to);
            // v1 cannot carry RPC; a client that never spoke v2 gets the current v2 form.
            FrameForm replyForm = form.canCarry(MessageType.PDU_DATA_RPC_REPLY) ? form : FrameForm.V2_304;
            ByteBuffer frame;
            try {
                frame = codec.encode(replyForm, MessageType.PDU_DATA_RPC_REPLY, service, channel, body, 0, 0, 0);
            } catch (FrameEncodeException e) {
                LOG.warn("client {}: cannot send its RPC reply on {}: {}", to, service, e.getMessage());
                return;
            }
            if (session.queue().offerControl(OutboundFrame.raw(frame))) {
                session.queue().pump();
            }
        }
    }
}
