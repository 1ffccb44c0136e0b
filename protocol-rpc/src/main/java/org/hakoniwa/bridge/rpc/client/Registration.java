package org.hakoniwa.bridge.rpc.client;

import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.rpc.header.RegisterClientResponse;
import org.hakoniwa.bridge.rpc.header.ResponseHeader;
import org.hakoniwa.bridge.rpc.header.RpcResultCode;

/**
 * The server's answer to a REGISTER_RPC_CLIENT.
 *
 * @param header the response header (names echoed, result code)
 * @param body the RegisterClientResponse: service id, client number, request and response channels
 * @param frame the whole reply frame, for checks of the frame robot and channel
 */
public record Registration(ResponseHeader header, RegisterClientResponse body, Frame frame) {
    public boolean ok() {
        return header.resultCode() == RpcResultCode.OK.code();
    }
}
