package org.hakoniwa.bridge.sim.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import org.hakoniwa.bridge.sim.runtime.HakoniwaBridge;

/** The assembled bridge. */
final class BridgeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HakoniwaBridge.class).in(Singleton.class);
    }
}
