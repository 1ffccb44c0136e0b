package org.hakoniwa.bridge.pdu.topic;

/**
 * What one publish did.
 *
 * @param accepted clients whose queue took the frame
 * @param refused clients whose queue refused it (the policy dropped it)
 */
public record PublishReport(int accepted, int refused) {
    public static final PublishReport NOBODY = new PublishReport(0, 0);
}
