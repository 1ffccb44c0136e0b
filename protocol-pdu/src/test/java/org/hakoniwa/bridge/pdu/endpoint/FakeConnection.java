package org.hakoniwa.bridge.pdu.endpoint;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.SendCallback;

/**
 * A connection whose sends complete when the test says so (or at once, in {@code synchronous} mode), so queue
 * behaviour can be driven step by step. Not thread-safe beyond what the queue's single sender needs.
 */
final class FakeConnection implements Connection {
    final List<ByteBuffer> sent = new ArrayList<>();
    final Deque<SendCallback> pending = new ArrayDeque<>();
    boolean synchronous;
    int maxInFlightSeen;
    boolean aborted;
    int closeCode;

    @Override
    public String remoteAddress() {
        return "fake:1";
    }

    @Override
    public synchronized void sendBinary(ByteBuffer message, SendCallback callback) {
        sent.add(message);
        if (synchronous) {
            callback.succeeded();
            return;
        }
        pending.addLast(callback);
        maxInFlightSeen = Math.max(maxInFlightSeen, pending.size());
    }

    /** Completes the oldest pending send successfully; returns false when none is pending. */
    boolean completeOne() {
        SendCallback callback;
        synchronized (this) {
            callback = pending.pollFirst();
        }
        if (callback == null) {
            return false;
        }
        callback.succeeded();
        return true;
    }

    void failOne(Throwable cause) {
        SendCallback callback;
        synchronized (this) {
            callback = pending.pollFirst();
        }
        callback.failed(cause);
    }

    int completeAll() {
        int n = 0;
        while (completeOne()) {
            n++;
        }
        return n;
    }

    synchronized List<String> sentTexts() {
        List<String> texts = new ArrayList<>();
        for (ByteBuffer buffer : sent) {
            texts.add(java.nio.charset.StandardCharsets.UTF_8.decode(buffer.duplicate()).toString());
        }
        return texts;
    }

    @Override
    public void sendPing(ByteBuffer payload) {
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    @Override
    public boolean isOpen() {
        return !aborted;
    }
}
