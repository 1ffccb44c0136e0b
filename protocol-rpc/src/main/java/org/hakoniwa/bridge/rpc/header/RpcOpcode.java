package org.hakoniwa.bridge.rpc.header;

/** {@code ServiceRequestHeader.opcode}. */
public enum RpcOpcode {
    REQUEST(0), CANCEL(1);

    private final int code;

    RpcOpcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
