package org.hakoniwa.bridge.spi.backpressure;

import org.hakoniwa.bridge.spi.PduKey;

/** A data frame as a policy sees it: its topic and size, not its bytes. */
public interface QueuedFrame {
    /** The PDU topic, or null for a frame that belongs to no topic (an application's raw send). */
    PduKey key();

    /** Size on the wire in bytes. */
    int size();
}
