package org.hakoniwa.bridge.spi.subscription;

import org.hakoniwa.bridge.spi.NamedProvider;
import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;

/** Creates {@link SubscriptionStore}s; selected by {@code bridge.subscription-store}. */
public interface SubscriptionStoreProvider extends NamedProvider {
    SubscriptionStore create(ProviderConfig config, ProviderContext context);
}
