package org.hakoniwa.bridge.pdu.subscription;

import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStore;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStoreProvider;

/** Provides the in-memory subscription store, {@code memory}, the default. */
public final class MemorySubscriptionStoreProvider implements SubscriptionStoreProvider {
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SubscriptionStore create(ProviderConfig config, ProviderContext context) {
        return new InMemorySubscriptionStore();
    }
}
