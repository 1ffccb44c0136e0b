package org.hakoniwa.bridge.rpc.header;

/** {@code ServiceResponseHeader.result_code}. */
public enum RpcResultCode {
    OK(0), ERROR(1), CANCELED(2), INVALID(3), BUSY(4);

    private final int code;

    RpcResultCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant with {@code code}, or null for a code outside the protocol. */
    public static RpcResultCode of(int code) {
        for (RpcResultCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}
