package org.hakoniwa.bridge.pdu.backpressure;

import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.DataLane;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.backpressure.QueuedFrame;

/** {@code drop-oldest}: the oldest waiting frames make room for the new one. */
public final class DropOldestPolicy implements BackpressurePolicy {
    @Override
    public Decision offer(DataLane lane, QueuedFrame frame) {
        return appendEvictingOldest(lane, frame);
    }

    static Decision appendEvictingOldest(DataLane lane, QueuedFrame frame) {
        while (!lane.fits(frame)) {
            if (!lane.evictOldest()) {
                // Bigger than the whole lane: nothing to evict makes it fit.
                return Decision.REJECTED;
            }
        }
        lane.append(frame);
        return Decision.ACCEPTED;
    }
}
