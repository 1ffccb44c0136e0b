package org.hakoniwa.bridge.rpc.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.rpc.header.ResponseHeader;
import org.hakoniwa.bridge.rpc.header.RpcBodies;
import org.hakoniwa.bridge.rpc.header.RpcFormatException;
import org.hakoniwa.bridge.rpc.header.RpcResultCode;

/** A PDU_DATA_RPC_REPLY as a client received it. */
public record RpcReply(ResponseHeader header, Frame frame) {
    public boolean ok() {
        return header.resultCode() == RpcResultCode.OK.code();
    }

    /** The response struct at {@code alignment}, little-endian, read-only. */
    public ByteBuffer payload(int alignment) {
        try {
            return RpcBodies.payload(frame.body(), alignment).order(ByteOrder.LITTLE_ENDIAN);
        } catch (RpcFormatException e) {
            throw new IllegalStateException("reply body was checked on receipt", e);
        }
    }
}
