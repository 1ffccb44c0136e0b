package org.hakoniwa.bridge.pdu.config;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * The PDU channels the clients may use: for each robot, which topic sits on which channel, with its
 * type and declared size.
 *
 * <p>Immutable and therefore safe to share between threads. Lookups by key and by topic are hash
 * lookups, made for the per-message path.
 */
public final class PduDefinition {
    private static final PduDefinition EMPTY = new PduChannelTable().build();

    private final List<PduChannel> channels;
    private final Map<PduKey, PduChannel> byKey;
    private final Map<String, Map<String, PduChannel>> byRobotTopic;

    PduDefinition(List<PduChannel> channels, Map<PduKey, PduChannel> byKey,
            Map<String, Map<String, PduChannel>> byRobotTopic) {
        this.channels = List.copyOf(channels);
        this.byKey = Map.copyOf(byKey);
        Map<String, Map<String, PduChannel>> robots = new LinkedHashMap<>();
        byRobotTopic.forEach((robot, topics) -> robots.put(robot, Map.copyOf(topics)));
        this.byRobotTopic = Collections.unmodifiableMap(robots);
    }

    /**
     * A definition of the given channels, in the given order. A channel given twice (equal records) counts
     * once.
     *
     * @throws IllegalArgumentException if two channels of a robot share a channel id but disagree on topic,
     *     type or size, or share a topic on different channel ids
     */
    public static PduDefinition of(Collection<PduChannel> channels) {
        requireNonNull(channels, "channels is null");
        PduChannelTable table = new PduChannelTable();
        for (PduChannel channel : channels) {
            requireNonNull(channel, "channels contains null");
            table.add(channel).ifPresent(conflict -> {
                throw new IllegalArgumentException(conflict.problem());
            });
        }
        return table.build();
    }

    /** A definition without channels. */
    public static PduDefinition empty() {
        return EMPTY;
    }

    /** The channel on this robot and channel id. */
    public Optional<PduChannel> channel(PduKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The channel of this robot's topic. */
    public Optional<PduChannel> channel(String robot, String topic) {
        Map<String, PduChannel> topics = byRobotTopic.get(robot);
        return topics == null ? Optional.empty() : Optional.ofNullable(topics.get(topic));
    }

    /** Whether a channel is defined on this robot and channel id. */
    public boolean contains(PduKey key) {
        return byKey.containsKey(key);
    }

    /** All channels, in the order of the file (each once). */
    public List<PduChannel> channels() {
        return channels;
    }

    /** The robots that have at least one channel, in the order of the file. */
    public Set<String> robots() {
        return byRobotTopic.keySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PduDefinition that && channels.equals(that.channels);
    }

    @Override
    public int hashCode() {
        return channels.hashCode();
    }

    @Override
    public String toString() {
        return "PduDefinition" + channels;
    }
}
