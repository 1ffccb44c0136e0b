package org.hakoniwa.bridge.bench.harness;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The benchmark's scenarios, in the order they run. */
enum Scenario {
    FANOUT("fan-out throughput, bridge vs bare-Jetty baseline"),
    LATENCY("receive latency of a 1 kHz Twist stream, bridge vs baseline"),
    RPC("Service/Add calls in closed loops"),
    ISOLATION("normal clients' throughput beside a client that stopped reading"),
    MEMORY("heap and RSS per idle connection; heap under a stalled client"),
    CODEC("JMH: FrameCodec decode/encode of every frame form");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    String description() {
        return description;
    }

    static Scenario byLabel(String label) {
        for (Scenario scenario : values()) {
            if (scenario.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario " + label + " (known: " + labels() + ")");
    }

    static String labels() {
        return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
    }
}
