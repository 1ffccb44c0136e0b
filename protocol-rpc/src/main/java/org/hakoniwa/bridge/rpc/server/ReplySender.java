package org.hakoniwa.bridge.rpc.server;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.spi.ClientId;

/** Sends one RPC reply (PDU_DATA_RPC_REPLY) to one connection, in the frame form that connection speaks. */
@FunctionalInterface
public interface ReplySender {
    /**
     * @param to the connection that made the call
     * @param service the frame's robot name: the service
     * @param channel the frame's channel: the caller's response channel
     * @param body the reply body (PduMetaData, response header, payload)
     */
    void send(ClientId to, String service, int channel, ByteBuffer body);
}
