package org.hakoniwa.bridge.sim.backpressure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameDecodeException;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.testkit.RawWebSocketClient;

/**
 * A client that declares and then stops reading, so that its socket buffers fill and the bridge's queue for it is all
 * that moves. It can resume reading later.
 */
final class StalledClient implements AutoCloseable {
    private static final FrameCodec CODEC = new FrameCodec();

    private final RawWebSocketClient socket;

    private StalledClient(RawWebSocketClient socket) {
        this.socket = socket;
    }

    static StalledClient connect(int port) throws IOException {
        return new StalledClient(RawWebSocketClient.connect(port, 8 * 1024));
    }

    void send(MessageType type, String robot, int channel, ByteBuffer body) throws IOException {
        ByteBuffer frame = CODEC.encode(FrameForm.V2_304, type, robot, channel, body, 0, 0, 0);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        socket.sendBinary(bytes);
    }

    void declare(String robot, int channel) throws IOException {
        send(MessageType.DECLARE_PDU_FOR_READ, robot, channel, ByteBuffer.allocate(0));
    }

    /** Declares through the extension with a policy of its own for this topic. */
    void declareWithPolicy(String robot, int channel, String policy) throws IOException {
        byte[] cbor = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().writeValueAsBytes(Map.of(
                "op", "declare", "id", 1, "robot", robot, "channel", channel, "policy", policy));
        send(MessageType.BRIDGE_EXTENSION, "", 0, ByteBuffer.wrap(cbor));
    }

    /** Opts in to the extension (its answer is the next frame). */
    void hello() throws IOException {
        byte[] cbor = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().writeValueAsBytes(Map.of(
                "op", "hello", "id", 1));
        send(MessageType.BRIDGE_EXTENSION, "", 0, ByteBuffer.wrap(cbor));
    }

    /** Resumes reading: the next frame, answering pings on the way. */
    Frame read() throws IOException, FrameDecodeException {
        return CODEC.decode(ByteBuffer.wrap(socket.readBinary()));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
