package org.hakoniwa.bridge.rpc.config;

import static java.util.Objects.requireNonNull;

/**
 * A topic that a node of the service definition publishes ({@code nodes[].topics[]} of
 * {@code service.json}).
 *
 * @param node the node (robot) name
 * @param topic the {@code topic_name}
 * @param type the message type, for example {@code geometry_msgs/Twist}
 * @param channelId the channel id, unique per node, never negative
 */
public record ServiceNodeTopic(String node, String topic, String type, int channelId) {
    public ServiceNodeTopic {
        requireNonNull(node, "node is null");
        requireNonNull(topic, "topic is null");
        requireNonNull(type, "type is null");
        if (channelId < 0) {
            throw new IllegalArgumentException("channelId must be >= 0: " + channelId);
        }
    }
}
