package org.hakoniwa.bridge.sim.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.hakoniwa.bridge.pdu.ext.PolicyCatalog;
import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;
import org.hakoniwa.bridge.spi.route.RouteStore;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStore;
import org.hakoniwa.bridge.spi.transport.Transport;

/** Binds each extension point to what its chosen provider creates. */
final class ProvidersModule extends AbstractModule {
    private final SelectedProviders providers;

    ProvidersModule(SelectedProviders providers) {
        this.providers = requireNonNull(providers, "providers is null");
    }

    @Provides
    @Singleton
    Transport transport(ProviderConfig config, ProviderContext context) {
        return providers.transport().create(config, context);
    }

    @Provides
    @Singleton
    SubscriptionStore subscriptionStore(ProviderConfig config, ProviderContext context) {
        return providers.subscriptionStore().create(config, context);
    }

    @Provides
    @Singleton
    RouteStore routeStore(ProviderConfig config, ProviderContext context) {
        return providers.routeStore().create(config, context);
    }

    @Provides
    @Singleton
    BackpressurePolicy backpressurePolicy(ProviderConfig config, ProviderContext context) {
        return providers.backpressurePolicy().create(config, context);
    }

    /** Every policy found, by name, for clients that choose one per topic; the server's own is the same instance. */
    @Provides
    @Singleton
    PolicyCatalog policyCatalog(ProviderConfig config, ProviderContext context, BackpressurePolicy serverPolicy) {
        Map<String, BackpressurePolicy> byName = new HashMap<>();
        for (BackpressurePolicyProvider provider : providers.allPolicies()) {
            byName.putIfAbsent(provider.name(), provider == providers.backpressurePolicy() ? serverPolicy
                    : provider.create(config, context));
        }
        return new PolicyCatalog(byName);
    }
}
