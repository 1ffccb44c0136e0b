package org.hakoniwa.bridge.spi.backpressure;

import org.hakoniwa.bridge.spi.NamedProvider;
import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;

/**
 * Creates {@link BackpressurePolicy}s; selected by {@code bridge.backpressure.policy}. The built-in names are
 * {@code block}, {@code drop-newest}, {@code drop-oldest} and {@code latest-wins}.
 */
public interface BackpressurePolicyProvider extends NamedProvider {
    BackpressurePolicy create(ProviderConfig config, ProviderContext context);
}
