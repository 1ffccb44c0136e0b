package org.hakoniwa.bridge.bench.server;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hakoniwa.bridge.bench.common.BenchBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's simulation thread: publishes the benchmark topic either as fast as the server accepts (a closed loop:
 * the next publish starts when the previous one returned) or at a fixed rate with the publish time in the body.
 * One run at a time.
 */
final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final ServerUnderTest server;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Object lock = new Object();
    // guarded by lock: thread
    private Thread thread;
    private volatile boolean running;
    private volatile String lastError = "";

    Publisher(ServerUnderTest server) {
        this.server = requireNonNull(server, "server is null");
    }

    /** Publishes bodies of {@code size} bytes back to back until {@link #stop()}. */
    void startMax(int size) {
        ByteBuffer body = BenchBodies.body(size);
        start("publish-max-" + size, () -> {
            while (running) {
                publishOnce(body);
            }
        });
    }

    /** Publishes bodies of {@code size} bytes {@code hz} times a second, each stamped with its publish time. */
    void startRate(double hz, int size) {
        if (!(hz > 0)) {
            throw new IllegalArgumentException("hz must be > 0: " + hz);
        }
        ByteBuffer body = BenchBodies.body(size);
        long period = Math.max(1, Math.round(1e9 / hz));
        start("publish-" + hz + "hz", () -> {
            long sequence = 0;
            long next = System.nanoTime();
            while (running) {
                BenchBodies.stamp(body, sequence++);
                publishOnce(body);
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (-wait > period) {
                    // Fell behind by more than a period (a pause): carry on from now rather than burst.
                    next = System.nanoTime();
                }
            }
        });
    }

    private void publishOnce(ByteBuffer body) {
        try {
            server.publish(body);
            published.incrementAndGet();
        } catch (RuntimeException e) {
            if (errors.getAndIncrement() == 0) {
                LOG.error("publish failed (further failures are only counted)", e);
            }
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private void start(String name, Runnable loop) {
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("a publisher is already running; STOP it first");
            }
            running = true;
            Thread started = new Thread(loop, name);
            started.setDaemon(true);
            thread = started;
            started.start();
        }
    }

    /** Stops the running publisher, if any, and waits for its thread. */
    void stop() throws InterruptedException {
        Thread stopping;
        synchronized (lock) {
            stopping = thread;
            thread = null;
            running = false;
        }
        if (stopping != null) {
            stopping.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    long published() {
        return published.get();
    }

    long errors() {
        return errors.get();
    }

    String lastError() {
        return lastError;
    }
}
