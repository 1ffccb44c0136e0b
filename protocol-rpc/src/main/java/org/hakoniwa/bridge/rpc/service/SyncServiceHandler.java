package org.hakoniwa.bridge.rpc.service;

import java.nio.ByteBuffer;

/**
 * An RPC service on the simulator's side, synchronous form: the bridge runs it on its own handler threads (never on
 * a network thread) and interrupts it when the call is cancelled or its deadline passes. An exception becomes a
 * reply with status ERROR and result ERROR.
 */
@FunctionalInterface
public interface SyncServiceHandler {
    ByteBuffer handle(RpcCall call) throws Exception;
}
