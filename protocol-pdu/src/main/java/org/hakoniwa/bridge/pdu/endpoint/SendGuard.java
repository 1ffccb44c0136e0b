package org.hakoniwa.bridge.pdu.endpoint;

import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * Asked right before a guarded frame leaves: does the client still read this topic? A frame queued before
 * the client unsubscribed is then dropped instead of sent. Called with the client's queue lock held: it must be
 * fast and must not send.
 */
@FunctionalInterface
public interface SendGuard {
    SendGuard ALWAYS = (client, key) -> true;

    boolean stillWanted(ClientId client, PduKey key);
}
