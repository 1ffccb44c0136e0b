package org.hakoniwa.bridge.sim.wiring;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.spi.ProviderSelector;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;
import org.hakoniwa.bridge.spi.route.RouteStoreProvider;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStoreProvider;
import org.hakoniwa.bridge.spi.transport.TransportProvider;

/**
 * The provider chosen for each extension point, by the names in the configuration. Chosen before any Guice module
 * exists, so that modules only bind what was chosen.
 */
record SelectedProviders(TransportProvider transport, SubscriptionStoreProvider subscriptionStore,
        RouteStoreProvider routeStore, BackpressurePolicyProvider backpressurePolicy,
        List<BackpressurePolicyProvider> allPolicies) {
    SelectedProviders {
        requireNonNull(transport, "transport is null");
        requireNonNull(subscriptionStore, "subscriptionStore is null");
        requireNonNull(routeStore, "routeStore is null");
        requireNonNull(backpressurePolicy, "backpressurePolicy is null");
        allPolicies = List.copyOf(allPolicies);
    }

    /**
     * @throws org.hakoniwa.bridge.sim.config.ConfigurationException naming the key, the known names, or the module to
     *     add
     */
    static SelectedProviders select(BridgeConfig config, List<ClassLoader> searchPath) {
        return new SelectedProviders(
                ProviderSelector.select(TransportProvider.class, BridgeKeys.TRANSPORT, config, searchPath),
                ProviderSelector.select(SubscriptionStoreProvider.class, BridgeKeys.SUBSCRIPTION_STORE, config,
                        searchPath),
                ProviderSelector.select(RouteStoreProvider.class, BridgeKeys.ROUTE_STORE, config, searchPath),
                ProviderSelector.select(BackpressurePolicyProvider.class, BridgeKeys.BACKPRESSURE_POLICY, config,
                        searchPath),
                ProviderSelector.all(BackpressurePolicyProvider.class, searchPath));
    }
}
