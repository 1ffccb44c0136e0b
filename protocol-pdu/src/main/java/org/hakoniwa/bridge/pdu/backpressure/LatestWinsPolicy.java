package org.hakoniwa.bridge.pdu.backpressure;

import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.DataLane;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.backpressure.QueuedFrame;

/**
 * {@code latest-wins}, the default: at most one frame per topic waits per client, and a newer value takes the
 * waiting one's place in the queue, so a client that falls behind gets the freshest state of every topic instead
 * of a backlog. When the lane is full of distinct topics, the oldest frames make room.
 */
public final class LatestWinsPolicy implements BackpressurePolicy {
    @Override
    public Decision offer(DataLane lane, QueuedFrame frame) {
        QueuedFrame waiting = frame.key() == null ? null : lane.waiting(frame.key());
        if (waiting != null && lane.bytes() - waiting.size() + frame.size() <= lane.maxBytes()) {
            lane.replace(waiting, frame);
            return Decision.REPLACED;
        }
        return DropOldestPolicy.appendEvictingOldest(lane, frame);
    }
}
