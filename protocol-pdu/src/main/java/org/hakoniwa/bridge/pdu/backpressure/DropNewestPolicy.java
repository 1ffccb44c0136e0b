package org.hakoniwa.bridge.pdu.backpressure;

import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.DataLane;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.backpressure.QueuedFrame;

/** {@code drop-newest}: a full lane refuses the new frame; what waits is kept. */
public final class DropNewestPolicy implements BackpressurePolicy {
    @Override
    public Decision offer(DataLane lane, QueuedFrame frame) {
        if (!lane.fits(frame)) {
            return Decision.REJECTED;
        }
        lane.append(frame);
        return Decision.ACCEPTED;
    }
}
