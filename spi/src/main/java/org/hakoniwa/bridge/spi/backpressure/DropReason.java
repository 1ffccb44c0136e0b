package org.hakoniwa.bridge.spi.backpressure;

/** Why a data frame queued for (or offered to) a client was not sent. */
public enum DropReason {
    /** The policy refused a new frame because the lane was full. */
    QUEUE_FULL,
    /** The policy evicted the oldest waiting frame to make room. */
    EVICTED,
    /** A newer frame of the same topic took its place (latest-wins). */
    SUPERSEDED,
    /** A publisher waited for room as long as allowed and gave up. */
    BLOCK_TIMEOUT,
    /** The client stopped reading the topic (or was never found reading it) before the frame left. */
    UNSUBSCRIBED,
    /** The frame would exceed the largest message the client accepts. */
    TOO_LARGE,
    /** The connection closed with the frame still queued. */
    CLOSED
}
