package org.hakoniwa.bridge.rpc.service;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * An RPC service on the simulator's side, asynchronous form. The handler gets the request and returns the
 * response struct's bytes (what follows the response header); the bridge builds the headers and routes the reply
 * to the caller only.
 *
 * <p>{@link #handle} is called on a bridge thread and must return at once; the work happens wherever the stage
 * completes. The bridge may cancel the stage's future ({@code toCompletableFuture().cancel(true)}) when the caller
 * cancels, the deadline passes or the caller leaves: handlers that hand out their own future see it. A stage that
 * completes exceptionally becomes a reply with status ERROR and result ERROR.
 */
@FunctionalInterface
public interface ServiceHandler {
    CompletionStage<ByteBuffer> handle(RpcCall call);
}
