package org.hakoniwa.bridge.bench.server;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * What the load harness drives in a server JVM: the bridge (through the host contract) or the bare-Jetty baseline.
 * Implementations are thread-safe: the publisher thread publishes while the control thread reads counters.
 */
interface ServerUnderTest extends AutoCloseable {
    /** The bound WebSocket port on 127.0.0.1. */
    int port();

    /** Sends one new value of the benchmark topic to every reader; the server copies {@code body}. */
    void publish(ByteBuffer body);

    /** Connections that would receive a publish now. */
    int readers();

    /**
     * Cumulative counters since start, summed over the connected clients: {@code sent} frames, drops by reason
     * ({@code drop.SUPERSEDED}, …), frames and bytes waiting in queues ({@code queued.frames}, {@code queued.bytes})
     * and whatever else the server knows. A client that leaves takes its share along.
     */
    Map<String, Long> counters();

    /**
     * One client's counters, found by the port it connected from: {@code sent}, {@code queued.frames},
     * {@code queued.bytes}, {@code highwater.bytes} and drops; empty when no such client is connected.
     */
    Map<String, Long> client(int remotePort);

    /** The configuration that matters for the figures, as key=value pairs. */
    Map<String, String> describe();

    @Override
    void close();
}
