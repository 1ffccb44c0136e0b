package org.hakoniwa.bridge.pdu.topic;

import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;

/** Told when a leased subscription lapsed because its client did not renew it in time. */
@FunctionalInterface
public interface LapseListener {
    void lapsed(ClientId client, PduKey key);
}
