package org.hakoniwa.bridge.rpc.service;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hakoniwa.bridge.rpc.header.RequestHeader;
import org.hakoniwa.bridge.spi.ClientId;

/**
 * One call as a service handler sees it.
 *
 * @param header the decoded request header (request id, service and client names)
 * @param body the service's request struct (what follows the header at its alignment), read-only
 * @param caller the connection that made the call, for logs; the handler should not need it otherwise
 */
public record RpcCall(RequestHeader header, ByteBuffer body, ClientId caller) {
    public RpcCall {
        requireNonNull(header, "header is null");
        requireNonNull(body, "body is null");
        requireNonNull(caller, "caller is null");
        body = body.asReadOnlyBuffer();
    }

    /** A little-endian view of the body, positioned at its start. */
    public ByteBuffer littleEndianBody() {
        return body.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }
}
