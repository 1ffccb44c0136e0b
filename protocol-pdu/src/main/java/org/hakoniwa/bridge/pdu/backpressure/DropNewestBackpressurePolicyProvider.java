package org.hakoniwa.bridge.pdu.backpressure;

import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;

/** Provides the {@code drop-newest} policy. */
public final class DropNewestBackpressurePolicyProvider implements BackpressurePolicyProvider {
    public static final String NAME = "drop-newest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackpressurePolicy create(ProviderConfig config, ProviderContext context) {
        return new DropNewestPolicy();
    }
}
