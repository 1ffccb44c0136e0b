package org.hakoniwa.bridge.pdu.endpoint;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.hakoniwa.bridge.pdu.backpressure.LatestWinsPolicy;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;

/**
 * How an endpoint treats its connections.
 *
 * @param maxClients the most clients a server holds at once ({@code bridge.max-clients})
 * @param multiClient whether a server holds more than one client; when false a second connection is refused
 *     with 1000 as the single-client reference server does, when true connections beyond {@code maxClients}
 *     are refused with 1013
 * @param pingInterval how often to ping each peer; zero disables pings
 * @param pingTimeout how long a ping may go unanswered before the connection is dropped
 * @param queueLimits bounds of each client's outbound queue
 * @param policy the backpressure policy of raw sends ({@link WsEndpoint#send(java.nio.ByteBuffer, org.hakoniwa.bridge.spi.ClientId)},
 *     {@link WsEndpoint#broadcast})
 * @param drainTimeout how long a stopping server waits for queued frames to leave before closing
 */
public record EndpointSettings(int maxClients, boolean multiClient, Duration pingInterval, Duration pingTimeout,
        QueueLimits queueLimits, BackpressurePolicy policy, Duration drainTimeout) {
    public EndpointSettings {
        requireNonNull(pingInterval, "pingInterval is null");
        requireNonNull(pingTimeout, "pingTimeout is null");
        requireNonNull(queueLimits, "queueLimits is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(drainTimeout, "drainTimeout is null");
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be >= 1: " + maxClients);
        }
        if (pingInterval.isNegative() || pingTimeout.isNegative() || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (!pingInterval.isZero() && pingTimeout.isZero()) {
            throw new IllegalArgumentException("pingTimeout must be > 0 when pings are on");
        }
    }

    /** The single-client defaults: one client, pings every 20 s answered within 20 s, latest-wins. */
    public static EndpointSettings defaults() {
        return new EndpointSettings(1, false, Duration.ofSeconds(20), Duration.ofSeconds(20), QueueLimits.DEFAULT,
                new LatestWinsPolicy(), Duration.ofSeconds(2));
    }

    public EndpointSettings withClients(int max, boolean multi) {
        return new EndpointSettings(max, multi, pingInterval, pingTimeout, queueLimits, policy, drainTimeout);
    }

    public EndpointSettings withPing(Duration interval, Duration timeout) {
        return new EndpointSettings(maxClients, multiClient, interval, timeout, queueLimits, policy, drainTimeout);
    }

    public EndpointSettings withQueue(QueueLimits limits, BackpressurePolicy newPolicy) {
        return new EndpointSettings(maxClients, multiClient, pingInterval, pingTimeout, limits, newPolicy,
                drainTimeout);
    }

    /** A one-line description of the client mode, for the start-up log line. */
    public String describeMode() {
        return multiClient ? "multi-client (up to " + maxClients + " clients)" : "single-client";
    }
}
