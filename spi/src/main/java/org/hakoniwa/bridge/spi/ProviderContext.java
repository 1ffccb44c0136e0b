package org.hakoniwa.bridge.spi;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the bridge lends to every provider it creates.
 *
 * @param scheduler a timer shared by the whole bridge; tasks must be short and must never block. The bridge
 *     owns it: providers must not shut it down.
 * @param clock wall-clock time, replaceable in tests
 */
public record ProviderContext(ScheduledExecutorService scheduler, Clock clock) {
    public ProviderContext {
        java.util.Objects.requireNonNull(scheduler, "scheduler is null");
        java.util.Objects.requireNonNull(clock, "clock is null");
    }
}
