package org.hakoniwa.bridge.pdu.endpoint;

import java.util.Map;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.backpressure.DropReason;

/**
 * A snapshot of one client's outbound queue.
 *
 * @param client whose queue
 * @param dataFrames data frames waiting now
 * @param dataBytes bytes of data frames waiting now
 * @param controlFrames control frames waiting now
 * @param highWaterFrames most frames (both lanes) ever waiting at once
 * @param highWaterBytes most bytes (both lanes) ever waiting at once
 * @param sentFrames messages handed to the network
 * @param sentBytes bytes handed to the network
 * @param dropped frames dropped, by reason (reasons with no drop are absent)
 * @param slow whether the client is in a slow spell now (it lost frames and has not caught up since)
 * @param slowSpells how many slow spells the client has had
 */
public record QueueStats(ClientId client, int dataFrames, long dataBytes, int controlFrames, int highWaterFrames,
        long highWaterBytes, long sentFrames, long sentBytes, Map<DropReason, Long> dropped, boolean slow,
        long slowSpells) {
    public QueueStats {
        dropped = Map.copyOf(dropped);
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long dropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }
}
