package org.hakoniwa.bridge.sim.runtime;

import java.util.concurrent.atomic.AtomicLong;
import org.hakoniwa.bridge.sim.host.SimulationClock;

/** The simulation time as the host last reported it through {@code Bridge.step}; the default clock. */
public final class StepClock implements SimulationClock {
    private final AtomicLong micros = new AtomicLong();

    public void step(long simTimeMicros) {
        micros.set(simTimeMicros);
    }

    @Override
    public long simTimeMicros() {
        return micros.get();
    }
}
