package org.hakoniwa.bridge.sim.host;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.hakoniwa.bridge.pdu.buffer.BufferWriteListener;
import org.hakoniwa.bridge.pdu.buffer.PduSample;
import org.hakoniwa.bridge.pdu.topic.PublishReport;
import org.hakoniwa.bridge.rpc.service.ServiceHandler;
import org.hakoniwa.bridge.rpc.service.SyncServiceHandler;

/**
 * A running bridge, as its host simulator uses it. Thread-safe: every method may be called from any thread.
 */
public interface Bridge extends AutoCloseable {
    /** Where it listens; the real port when the configuration asked for port 0. */
    InetSocketAddress address();

    /**
     * Publishes a PDU: it becomes the topic's last value and every client that declared read on the topic is sent
     * it, nobody else. The bridge copies {@code body}. Under the {@code block} policy this may wait for a slow
     * client's room, up to the block timeout.
     *
     * @throws IllegalArgumentException when the PDU definition does not know the topic (and unknown topics are
     *     not allowed)
     * @throws org.hakoniwa.bridge.pdu.codec.FrameEncodeException when the frame would exceed the outbound limit
     */
    PublishReport publish(String robot, int channel, ByteBuffer body);

    /** {@link #publish(String, int, ByteBuffer)} by topic name, as the PDU definition names it. */
    PublishReport publish(String robot, String topic, ByteBuffer body);

    /** The latest value clients wrote on a topic (the CommunicationBuffer); reading consumes nothing. */
    Optional<PduSample> read(String robot, int channel);

    /** {@link #read(String, int)} by topic name. */
    Optional<PduSample> read(String robot, String topic);

    /** Tells {@code listener} of every client write, on the network thread that received it. */
    void onClientWrite(BufferWriteListener listener);

    /** Tells {@code listener} of clients connecting and disconnecting. */
    void onClientEvents(ClientListener listener);

    /** Serves an RPC service of the service definition with an asynchronous handler. */
    void registerService(String serviceName, ServiceHandler handler);

    /** Serves an RPC service with a synchronous handler, run on the bridge's handler threads. */
    void registerSyncService(String serviceName, SyncServiceHandler handler);

    /** Stops serving a service; its pending calls get a final ERROR reply. */
    boolean unregisterService(String serviceName);

    /** Reports the simulation time, for hosts that do not give a {@link SimulationClock}. */
    void step(long simTimeMicros);

    /** A snapshot of clients, subscriptions, routes and queues. */
    BridgeStats stats();

    /**
     * Stops gracefully: refuses new clients, answers every pending call with a final ERROR, lets queued frames leave
     * for up to {@code bridge.shutdown.drain-timeout}, closes every client with 1001 and releases every thread.
     */
    @Override
    void close();
}
