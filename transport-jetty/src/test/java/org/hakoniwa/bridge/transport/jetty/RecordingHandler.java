package org.hakoniwa.bridge.transport.jetty;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hakoniwa.bridge.spi.transport.ConnectionHandler;

/** Records a connection's events for assertions; waits with timeouts, never sleeps. */
final class RecordingHandler implements ConnectionHandler {
    final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final AtomicInteger closeCalls = new AtomicInteger();
    volatile RuntimeException throwOnBinary;

    @Override
    public void onBinary(ByteBuffer message) {
        binaries.add(message);
        RuntimeException toThrow = throwOnBinary;
        if (toThrow != null) {
            throw toThrow;
        }
    }

    @Override
    public void onText(String message) {
        texts.add(message);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        pongs.add(payload);
    }

    @Override
    public void onError(Throwable cause) {
        errors.add(cause);
    }

    @Override
    public void onClose(int code, String reason) {
        closeCalls.incrementAndGet();
        closeCode.complete(code);
    }

    ByteBuffer nextBinary() throws InterruptedException {
        ByteBuffer next = binaries.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no binary message within 10 s");
        }
        return next;
    }

    int awaitClose() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }
}
