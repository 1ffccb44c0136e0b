package org.hakoniwa.bridge.rpc.route;

import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.route.RouteStore;
import org.hakoniwa.bridge.spi.route.RouteStoreProvider;

/** Provides the in-memory route store, {@code memory}, the default. */
public final class MemoryRouteStoreProvider implements RouteStoreProvider {
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RouteStore create(ProviderConfig config, ProviderContext context) {
        return new InMemoryRouteStore();
    }
}
