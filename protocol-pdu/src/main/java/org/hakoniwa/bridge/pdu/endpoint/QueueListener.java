package org.hakoniwa.bridge.pdu.endpoint;

import org.hakoniwa.bridge.spi.ClientId;

/** What an {@link OutboundQueue} tells its owner. Called without the queue's lock held. */
interface QueueListener {
    /** The control lane overflowed: the client cannot keep up even with replies and must go. */
    void onControlOverflow(ClientId client, int waiting);

    /** A send failed; the connection is going away. */
    void onSendFailure(ClientId client, Throwable cause);

    /** A slow spell ended: the client caught up after losing {@code dropped} frames. */
    default void onSlowSpellEnded(ClientId client, long dropped) {
    }
}
