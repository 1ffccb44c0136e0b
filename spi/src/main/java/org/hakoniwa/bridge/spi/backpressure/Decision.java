package org.hakoniwa.bridge.spi.backpressure;

/** What a {@link BackpressurePolicy} did with an offered frame. */
public enum Decision {
    /** Appended to the lane (possibly after evicting older frames). */
    ACCEPTED,
    /** Took the place of a waiting frame of the same topic, which is dropped as superseded. */
    REPLACED,
    /** Refused: the frame is dropped and counted as {@link DropReason#QUEUE_FULL}. */
    REJECTED,
    /** No room now: a publisher that may wait should wait for room and offer again. */
    WAIT
}
