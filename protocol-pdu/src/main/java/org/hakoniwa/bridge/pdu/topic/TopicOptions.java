package org.hakoniwa.bridge.pdu.topic;

/**
 * Fan-out options.
 *
 * @param lastValueOnDeclare send a topic's last value right after a client declares read on it
 *     ({@code bridge.pdu.last-value-on-declare})
 * @param broadcastToUndeclared send every published PDU to clients that never declared read on anything, for
 *     clients that skip declaring ({@code bridge.pdu.broadcast-to-undeclared})
 */
public record TopicOptions(boolean lastValueOnDeclare, boolean broadcastToUndeclared) {
    public static final TopicOptions DEFAULT = new TopicOptions(true, false);
}
