package org.hakoniwa.bridge.sim.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.hakoniwa.bridge.sim.host.SimulationClock;

/** Installed when the host brings its own simulation clock: it replaces the step clock. */
final class HostClockModule extends AbstractModule {
    private final SimulationClock clock;

    HostClockModule(SimulationClock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), SimulationClock.class).setBinding().toInstance(clock);
    }
}
