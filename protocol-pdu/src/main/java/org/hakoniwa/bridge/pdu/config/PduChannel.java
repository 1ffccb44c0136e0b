package org.hakoniwa.bridge.pdu.config;

import static java.util.Objects.requireNonNull;

import org.hakoniwa.bridge.spi.PduKey;

/**
 * One PDU channel of a robot, as a PDU definition file declares it.
 *
 * @param robot the robot name
 * @param topic the topic name: {@code org_name} in the legacy form, {@code name} in the compact form
 * @param channelId the channel id, unique per robot, never negative
 * @param pduSize the declared capacity in bytes (PduMetaData included), at least 1
 * @param type the message type, for example {@code geometry_msgs/Twist}
 */
public record PduChannel(String robot, String topic, int channelId, int pduSize, String type) {
    public PduChannel {
        requireNonNull(robot, "robot is null");
        requireNonNull(topic, "topic is null");
        requireNonNull(type, "type is null");
        if (channelId < 0) {
            throw new IllegalArgumentException("channelId must be >= 0: " + channelId);
        }
        if (pduSize < 1) {
            throw new IllegalArgumentException("pduSize must be >= 1: " + pduSize);
        }
    }

    /** The robot and channel this PDU travels on. */
    public PduKey key() {
        return new PduKey(robot, channelId);
    }
}
