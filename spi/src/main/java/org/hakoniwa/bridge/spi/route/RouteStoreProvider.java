package org.hakoniwa.bridge.spi.route;

import org.hakoniwa.bridge.spi.NamedProvider;
import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;

/** Creates {@link RouteStore}s; selected by {@code bridge.route-store}. */
public interface RouteStoreProvider extends NamedProvider {
    RouteStore create(ProviderConfig config, ProviderContext context);
}
