package org.hakoniwa.bridge.spi;

import static java.util.Objects.requireNonNull;

/**
 * A PDU topic: a robot name and a channel id. Channel ids are per robot ({@code drone1/0} and
 * {@code drone2/0} are different topics). Channel ids are signed on the wire; RPC registration uses -1.
 */
public record PduKey(String robot, int channel) {
    public PduKey {
        requireNonNull(robot, "robot is null");
    }

    @Override
    public String toString() {
        return robot + "/" + channel;
    }
}
