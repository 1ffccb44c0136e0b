package org.hakoniwa.bridge.pdu.endpoint;

import org.hakoniwa.bridge.spi.ClientId;

/** Told when a client that lost data frames has caught up again (its data lane drained). */
@FunctionalInterface
public interface SlowSpellListener {
    /**
     * Called on the thread that completed the client's last queued send; must be quick.
     *
     * @param dropped data frames the client lost during the spell
     */
    void caughtUp(ClientId client, long dropped);
}
