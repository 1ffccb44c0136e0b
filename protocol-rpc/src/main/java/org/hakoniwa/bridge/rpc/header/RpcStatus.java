package org.hakoniwa.bridge.rpc.header;

/** {@code ServiceResponseHeader.status}. */
public enum RpcStatus {
    NONE(0), DOING(1), CANCELING(2), DONE(3), ERROR(4);

    private final int code;

    RpcStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
