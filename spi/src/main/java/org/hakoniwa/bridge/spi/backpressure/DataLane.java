package org.hakoniwa.bridge.spi.backpressure;

import org.hakoniwa.bridge.spi.PduKey;

/**
 * One client's queue of data frames waiting to be sent, oldest first, as a {@link BackpressurePolicy} sees it
 * during {@link BackpressurePolicy#offer}. Valid only during that call; its lock is held throughout.
 *
 * <p>The lane enforces nothing itself: the policy decides whether a frame may exceed {@link #maxFrames()} or
 * {@link #maxBytes()}. The lane records every eviction and replacement as a drop with its reason.
 */
public interface DataLane {
    /** Frames waiting now. */
    int frames();

    /** Bytes waiting now. */
    long bytes();

    /** The configured bound on frames ({@code bridge.backpressure.queue-depth}). */
    int maxFrames();

    /** The configured bound on bytes ({@code bridge.backpressure.queue-bytes}). */
    long maxBytes();

    /** Whether {@code frame} can be appended without exceeding either bound. */
    default boolean fits(QueuedFrame frame) {
        return frames() < maxFrames() && bytes() + frame.size() <= maxBytes();
    }

    /** Adds {@code frame} at the end. */
    void append(QueuedFrame frame);

    /** Drops the oldest waiting frame (counted as {@link DropReason#EVICTED}); false when the lane is empty. */
    boolean evictOldest();

    /** The frame of topic {@code key} that waits in this lane, or null. Keyless frames are never found. */
    QueuedFrame waiting(PduKey key);

    /**
     * Puts {@code newer} where {@code waiting} stands (keeping its place in the queue); {@code waiting} is
     * dropped as {@link DropReason#SUPERSEDED}.
     *
     * @throws IllegalArgumentException when {@code waiting} is not in this lane
     */
    void replace(QueuedFrame waiting, QueuedFrame newer);
}
