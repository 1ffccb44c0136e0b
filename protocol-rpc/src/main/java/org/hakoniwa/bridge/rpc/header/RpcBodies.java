package org.hakoniwa.bridge.rpc.header;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes and decodes RPC bodies: a 24-byte PduMetaData, the 268-byte request or response header, then the
 * service's own struct at its natural alignment (offsets counted from the end of PduMetaData: 268 for 4-byte
 * structs, 272 for 8-byte ones).
 */
public final class RpcBodies {
    /** {@code RegisterClientRequest} and {@code RegisterClientResponse} are u32 structs. */
    public static final int REGISTER_ALIGNMENT = 4;

    private RpcBodies() {
    }

    /** Where a struct with {@code alignment} starts inside the body (PduMetaData included). */
    public static int payloadOffset(int alignment) {
        checkAlignment(alignment);
        return Layout.META_SIZE + Layout.align(RequestHeader.SIZE, alignment);
    }

    private static void checkAlignment(int alignment) {
        if (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8) {
            throw new IllegalArgumentException("alignment must be 1, 2, 4 or 8: " + alignment);
        }
    }

    /** A whole request body: PduMetaData, {@code header}, {@code payload} at {@code alignment}. */
    public static ByteBuffer encodeRequest(RequestHeader header, ByteBuffer payload, int alignment) {
        ByteBuffer out = allocate(payload.remaining(), alignment);
        header.writeTo(out, Layout.META_SIZE);
        return finish(out, payload, alignment);
    }

    /** A whole response body: PduMetaData, {@code header}, {@code payload} at {@code alignment}. */
    public static ByteBuffer encodeResponse(ResponseHeader header, ByteBuffer payload, int alignment) {
        ByteBuffer out = allocate(payload.remaining(), alignment);
        header.writeTo(out, Layout.META_SIZE);
        return finish(out, payload, alignment);
    }

    /** The reply to a REGISTER_RPC_CLIENT. */
    public static ByteBuffer encodeRegisterResponse(ResponseHeader header, RegisterClientResponse body) {
        return encodeResponse(header, body.encode(), REGISTER_ALIGNMENT);
    }

    /** The body of a REGISTER_RPC_CLIENT: the header and {@code RegisterClientRequest{dummy = 0}}. */
    public static ByteBuffer encodeRegisterRequest(RequestHeader header) {
        return encodeRequest(header, ByteBuffer.allocate(4), REGISTER_ALIGNMENT);
    }

    private static ByteBuffer allocate(int payloadBytes, int alignment) {
        int size = payloadOffset(alignment) + payloadBytes;
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer finish(ByteBuffer out, ByteBuffer payload, int alignment) {
        int base = out.capacity() - Layout.META_SIZE;
        Layout.putMeta(out, base, 0);
        out.put(payloadOffset(alignment), payload.duplicate(), 0, payload.remaining());
        return out.position(0).limit(out.capacity());
    }

    /** Reads the request header of an RPC body. */
    public static RequestHeader requestHeader(ByteBuffer body) throws RpcFormatException {
        Layout.checkMeta(body, RequestHeader.SIZE);
        ByteBuffer in = Layout.little(body);
        return RequestHeader.readFrom(in, in.position() + Layout.META_SIZE);
    }

    /** Reads the response header of an RPC body. */
    public static ResponseHeader responseHeader(ByteBuffer body) throws RpcFormatException {
        Layout.checkMeta(body, ResponseHeader.SIZE);
        ByteBuffer in = Layout.little(body);
        return ResponseHeader.readFrom(in, in.position() + Layout.META_SIZE);
    }

    /**
     * The service struct of an RPC body (what follows the header at {@code alignment}), as a read-only view; empty
     * when the body ends at the header.
     */
    public static ByteBuffer payload(ByteBuffer body, int alignment) throws RpcFormatException {
        Layout.checkMeta(body, RequestHeader.SIZE);
        int offset = payloadOffset(alignment);
        if (body.remaining() <= offset) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer();
        }
        return body.duplicate().position(body.position() + offset).slice().asReadOnlyBuffer();
    }

    /** The RegisterClientResponse of a register reply body. */
    public static RegisterClientResponse registerResponse(ByteBuffer body) throws RpcFormatException {
        return RegisterClientResponse.decode(payload(body, REGISTER_ALIGNMENT));
    }
}
