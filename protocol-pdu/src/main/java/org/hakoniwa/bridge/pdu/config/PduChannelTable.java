package org.hakoniwa.bridge.pdu.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * Collects channels for a {@link PduDefinition} and finds the ones that contradict each other. Shared by
 * {@link PduDefinition#of} and the loader, which adds the JSON path to a conflict. Not thread-safe: one
 * table is filled by one thread and then built.
 */
final class PduChannelTable {
    /** The attribute a conflicting channel disagrees on. */
    enum Field { TOPIC, CHANNEL_ID, TYPE, PDU_SIZE }

    record Conflict(Field field, String problem) {}

    private final List<PduChannel> channels = new ArrayList<>();
    private final Map<PduKey, PduChannel> byKey = new HashMap<>();
    private final Map<String, Map<String, PduChannel>> byRobotTopic = new LinkedHashMap<>();

    /**
     * Adds a channel. A channel equal to one already added (a reader and a writer of the same PDU) is
     * the same channel and is not added again.
     *
     * @return the conflict if the channel contradicts one already added; the table is then unchanged
     */
    Optional<Conflict> add(PduChannel channel) {
        PduChannel sameKey = byKey.get(channel.key());
        if (sameKey != null) {
            return Optional.ofNullable(disagreement(sameKey, channel));
        }
        Map<String, PduChannel> topics = byRobotTopic.get(channel.robot());
        PduChannel sameTopic = topics == null ? null : topics.get(channel.topic());
        if (sameTopic != null) {
            return Optional.of(new Conflict(Field.CHANNEL_ID, "topic " + channel.topic() + " of robot " + channel.robot()
                    + " is defined twice on different channels (" + sameTopic.channelId() + ", " + channel.channelId() + ")"));
        }
        channels.add(channel);
        byKey.put(channel.key(), channel);
        byRobotTopic.computeIfAbsent(channel.robot(), robot -> new HashMap<>()).put(channel.topic(), channel);
        return Optional.empty();
    }

    private static Conflict disagreement(PduChannel first, PduChannel second) {
        String prefix = "channel " + first.channelId() + " of robot " + first.robot() + " is defined twice with different ";
        if (!first.topic().equals(second.topic())) {
            return new Conflict(Field.TOPIC, prefix + "topics (" + first.topic() + ", " + second.topic() + ")");
        }
        if (!first.type().equals(second.type())) {
            return new Conflict(Field.TYPE, prefix + "types (" + first.type() + ", " + second.type() + ")");
        }
        if (first.pduSize() != second.pduSize()) {
            return new Conflict(Field.PDU_SIZE, prefix + "pdu sizes (" + first.pduSize() + ", " + second.pduSize() + ")");
        }
        return null;
    }

    PduDefinition build() {
        return new PduDefinition(channels, byKey, byRobotTopic);
    }
}
