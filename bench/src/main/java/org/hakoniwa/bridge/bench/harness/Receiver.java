package org.hakoniwa.bridge.bench.harness;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.hakoniwa.bridge.bench.common.BenchBodies;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameDecodeException;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.ConnectionHandler;

/**
 * One load client's receiving side: counts every message and its bytes and, while recording, decodes each frame
 * and records how long ago its body was stamped. The same class reads from the bridge and from the baseline.
 */
final class Receiver implements ConnectionHandler {
    private static final FrameCodec CODEC = new FrameCodec(Integer.MAX_VALUE);

    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile boolean recording;
    private volatile Connection connection;

    void attach(Connection opened) {
        connection = opened;
    }

    Connection connection() {
        Connection current = connection;
        if (current == null) {
            throw new IllegalStateException("not connected yet");
        }
        return current;
    }

    @Override
    public void onBinary(ByteBuffer message) {
        messages.incrementAndGet();
        bytes.addAndGet(message.remaining());
        if (recording) {
            long now = BenchBodies.nowMicros();
            try {
                Frame frame = CODEC.decode(message);
                if (frame.type() == MessageType.PDU_DATA && frame.bodyLength() >= BenchBodies.TWIST) {
                    latencies.add(now - BenchBodies.stampMicros(frame.body()));
                }
            } catch (FrameDecodeException e) {
                undecodable.incrementAndGet();
            }
        }
    }

    @Override
    public void onText(String message) {
        // The protocol has no text messages; neither server sends any.
    }

    @Override
    public void onPong(ByteBuffer payload) {
        // Liveness only.
    }

    @Override
    public void onError(Throwable cause) {
        // The close that follows is what counts.
    }

    @Override
    public void onClose(int code, String reason) {
        closed.complete(code);
    }

    void recording(boolean on) {
        recording = on;
    }

    long messages() {
        return messages.get();
    }

    long bytes() {
        return bytes.get();
    }

    long undecodable() {
        return undecodable.get();
    }

    LatencyRecorder latencies() {
        return latencies;
    }

    CompletableFuture<Integer> closed() {
        return closed;
    }

    boolean isOpen() {
        return !closed.isDone();
    }
}
