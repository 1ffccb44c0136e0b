package org.hakoniwa.bridge.pdu.dispatch;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What to do with a declare or write for a topic the PDU definition does not know. */
public enum UnknownTopics {
    /** Log it with the client id and ignore it (the default). */
    REJECT_UNKNOWN("reject-unknown"),
    /** Accept it as if the definition listed the topic. */
    ALLOW_UNKNOWN("allow-unknown");

    private final String configName;

    UnknownTopics(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static UnknownTopics fromConfig(String value) {
        for (UnknownTopics choice : values()) {
            if (choice.configName.equals(value)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown value " + value + " (known: "
                + Arrays.stream(values()).map(UnknownTopics::configName).collect(Collectors.joining(", ")) + ")");
    }
}
