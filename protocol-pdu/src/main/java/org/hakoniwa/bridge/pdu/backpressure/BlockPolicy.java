package org.hakoniwa.bridge.pdu.backpressure;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.DataLane;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.backpressure.QueuedFrame;

/**
 * {@code block}: the publisher waits up to the block timeout for room, then the frame is dropped and counted.
 * Nothing waiting is ever dropped. Network threads never wait: for them a full lane refuses the frame.
 */
public final class BlockPolicy implements BackpressurePolicy {
    private final Duration maxWait;

    public BlockPolicy(Duration maxWait) {
        this.maxWait = requireNonNull(maxWait, "maxWait is null");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait is negative: " + maxWait);
        }
    }

    @Override
    public Decision offer(DataLane lane, QueuedFrame frame) {
        if (!lane.fits(frame)) {
            return Decision.WAIT;
        }
        lane.append(frame);
        return Decision.ACCEPTED;
    }

    @Override
    public Duration maxWait() {
        return maxWait;
    }
}
