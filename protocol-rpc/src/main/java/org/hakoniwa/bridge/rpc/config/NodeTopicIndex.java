package org.hakoniwa.bridge.rpc.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds node topics that clash: two topics of a node on one channel, or one topic name on two
 * channels. Shared by {@link ServiceDefinition#of} and the loader, which adds the JSON path. Not
 * thread-safe; used by one thread while a definition is built.
 */
final class NodeTopicIndex {
    /** What a clashing topic shares with an earlier one. */
    enum Clash { CHANNEL, TOPIC_NAME }

    record Conflict(Clash clash, String problem) {}

    private record ChannelKey(String node, int channelId) {}

    private record TopicKey(String node, String topic) {}

    private final Map<ChannelKey, ServiceNodeTopic> byChannel = new HashMap<>();
    private final Map<TopicKey, ServiceNodeTopic> byName = new HashMap<>();

    /** Adds a topic unless it clashes with one added before. */
    Optional<Conflict> add(ServiceNodeTopic topic) {
        ServiceNodeTopic sameChannel = byChannel.get(new ChannelKey(topic.node(), topic.channelId()));
        if (sameChannel != null) {
            return Optional.of(new Conflict(Clash.CHANNEL, "channel " + topic.channelId() + " of node " + topic.node()
                    + " is already used by topic " + sameChannel.topic()));
        }
        ServiceNodeTopic sameName = byName.get(new TopicKey(topic.node(), topic.topic()));
        if (sameName != null) {
            return Optional.of(new Conflict(Clash.TOPIC_NAME, "topic " + topic.topic() + " of node " + topic.node()
                    + " is already defined on channel " + sameName.channelId()));
        }
        byChannel.put(new ChannelKey(topic.node(), topic.channelId()), topic);
        byName.put(new TopicKey(topic.node(), topic.topic()), topic);
        return Optional.empty();
    }
}
