package org.hakoniwa.bridge.rpc.header;

/** An RPC body that does not have the layout WIRE.md §6 gives: too short, bad PduMetaData, a bad name. */
public final class RpcFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public RpcFormatException(String message) {
        super(message);
    }
}
