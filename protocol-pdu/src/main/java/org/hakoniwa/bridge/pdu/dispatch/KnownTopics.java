package org.hakoniwa.bridge.pdu.dispatch;

import static java.util.Objects.requireNonNull;

import org.hakoniwa.bridge.pdu.config.PduDefinition;
import org.hakoniwa.bridge.spi.PduKey;

/** Which topics clients may declare, write and read: those of the PDU definition, or any with allow-unknown. */
public final class KnownTopics {
    private final PduDefinition definition;
    private final UnknownTopics unknownTopics;

    public KnownTopics(PduDefinition definition, UnknownTopics unknownTopics) {
        this.definition = requireNonNull(definition, "definition is null");
        this.unknownTopics = requireNonNull(unknownTopics, "unknownTopics is null");
    }

    public boolean allows(PduKey key) {
        return unknownTopics == UnknownTopics.ALLOW_UNKNOWN || definition.contains(key);
    }
}
