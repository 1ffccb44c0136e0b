package org.hakoniwa.bridge.bench.server;

import static java.util.Objects.requireNonNull;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** One baseline session's sending side: at most one asynchronous send in flight, else the value is skipped. */
final class BaselinePeer implements SendHandler {
    private final RemoteEndpoint.Async remote;
    private final int remotePort;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile int inFlightBytes;

    BaselinePeer(RemoteEndpoint.Async remote, int remotePort) {
        this.remote = requireNonNull(remote, "remote is null");
        this.remotePort = remotePort;
    }

    /** Sends {@code frame} unless a send is still in flight. The frame's bytes must not change afterwards. */
    void offer(ByteBuffer frame) {
        if (!inFlight.compareAndSet(false, true)) {
            busy.incrementAndGet();
            return;
        }
        inFlightBytes = frame.remaining();
        try {
            remote.sendBinary(frame.duplicate(), this);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            inFlight.set(false);
        }
    }

    @Override
    public void onResult(SendResult result) {
        if (result.isOK()) {
            sent.incrementAndGet();
            sentBytes.addAndGet(inFlightBytes);
        } else {
            failed.incrementAndGet();
        }
        inFlight.set(false);
    }

    int remotePort() {
        return remotePort;
    }

    long sent() {
        return sent.get();
    }

    long sentBytes() {
        return sentBytes.get();
    }

    long busy() {
        return busy.get();
    }

    long failed() {
        return failed.get();
    }
}
