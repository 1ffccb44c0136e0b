package org.hakoniwa.bridge.spi.backpressure;

import java.time.Duration;

/**
 * Decides what happens to a data frame (PDU_DATA) offered to one client's outbound queue. Control frames
 * (RPC replies, extension acknowledgements) never pass through a policy: they are never dropped.
 *
 * <p>Threading: {@link #offer} is called with the lane's lock held, so calls for one lane never overlap; calls
 * for different clients' lanes may run concurrently on one policy instance, so a policy keeps no mutable
 * state of its own. {@code offer} must not block and must not keep the lane or the frames.
 */
public interface BackpressurePolicy {
    /**
     * Places {@code frame} in {@code lane} (through {@link DataLane#append} or {@link DataLane#replace}), makes
     * room first (through {@link DataLane#evictOldest}), or refuses it.
     *
     * @return what became of the frame. {@link Decision#WAIT} asks the caller to wait up to {@link #maxWait()}
     *     for room and offer again; a caller that must not wait (a network thread) treats it as
     *     {@link Decision#REJECTED}
     */
    Decision offer(DataLane lane, QueuedFrame frame);

    /** How long a publisher may wait for room after {@link Decision#WAIT}. Zero for policies that never wait. */
    default Duration maxWait() {
        return Duration.ZERO;
    }
}
