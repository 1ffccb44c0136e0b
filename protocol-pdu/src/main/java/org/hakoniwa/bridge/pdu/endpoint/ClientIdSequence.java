package org.hakoniwa.bridge.pdu.endpoint;

import java.util.concurrent.atomic.AtomicLong;
import org.hakoniwa.bridge.spi.ClientId;

/** Hands out {@code ws000001}, {@code ws000002}, … once each per process, across every endpoint. */
final class ClientIdSequence {
    private static final AtomicLong LAST = new AtomicLong();

    private ClientIdSequence() {
    }

    static ClientId next() {
        return ClientId.ofSequence(LAST.incrementAndGet());
    }
}
