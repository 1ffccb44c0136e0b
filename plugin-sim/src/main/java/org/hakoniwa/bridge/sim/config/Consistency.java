package org.hakoniwa.bridge.sim.config;

import java.time.Duration;

/**
 * Values that are each valid but cannot work together. An explicit {@code bridge.multi-client-enabled=false}
 * with {@code bridge.max-clients > 1} is not among them: the explicit flag wins by design.
 */
final class Consistency {
    private Consistency() {
    }

    static void check(BridgeConfig config) {
        Duration interval = config.get(BridgeKeys.PING_INTERVAL);
        if (!interval.isZero() && config.get(BridgeKeys.PING_TIMEOUT).isZero()) {
            throw Problems.conflict(cite(config, BridgeKeys.PING_TIMEOUT), "and",
                    cite(config, BridgeKeys.PING_INTERVAL),
                    "with pings on, a client needs time to answer them",
                    "set " + BridgeKeys.PING_TIMEOUT.name() + " above 0, or " + BridgeKeys.PING_INTERVAL.name()
                            + " to 0 to turn pings off");
        }
        if (config.get(BridgeKeys.BACKPRESSURE_QUEUE_BYTES) < config.get(BridgeKeys.MAX_OUTBOUND_MESSAGE_SIZE)) {
            throw Problems.conflict(cite(config, BridgeKeys.BACKPRESSURE_QUEUE_BYTES), "is less than",
                    cite(config, BridgeKeys.MAX_OUTBOUND_MESSAGE_SIZE),
                    "a message of the largest size could never be queued",
                    "raise " + BridgeKeys.BACKPRESSURE_QUEUE_BYTES.name() + " or lower "
                            + BridgeKeys.MAX_OUTBOUND_MESSAGE_SIZE.name());
        }
    }

    /** {@code bridge.ping-timeout = 0 (from environment variable BRIDGE_PING_TIMEOUT)} */
    private static String cite(BridgeConfig config, ConfigKey<?> key) {
        return key.name() + " = " + config.raw(key.name()).orElse(ConfigKey.UNSET) + " "
                + config.originOf(key).cited();
    }
}
