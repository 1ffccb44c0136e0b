package org.hakoniwa.bridge.sim.host;

/**
 * The host's simulation time. Outgoing PDU_DATA carries it in {@code hako_time_us}. Called on publishing threads:
 * must be cheap and thread-safe.
 */
@FunctionalInterface
public interface SimulationClock {
    long simTimeMicros();
}
