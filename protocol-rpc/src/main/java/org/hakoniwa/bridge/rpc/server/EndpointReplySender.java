package org.hakoniwa.bridge.rpc.server;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.dispatch.ControlFrames;
import org.hakoniwa.bridge.spi.ClientId;

/** Sends RPC replies as control frames: never dropped, ahead of data, in the v2 form the caller speaks. */
public final class EndpointReplySender implements ReplySender {
    private final ControlFrames controlFrames;

    public EndpointReplySender(ControlFrames controlFrames) {
        this.controlFrames = requireNonNull(controlFrames, "controlFrames is null");
    }

    @Override
    public void send(ClientId to, String service, int channel, ByteBuffer body) {
        controlFrames.send(to, MessageType.PDU_DATA_RPC_REPLY, service, channel, body);
    }
}
