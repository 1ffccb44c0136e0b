package org.hakoniwa.bridge.pdu.backpressure;

import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;

/** Provides the {@code block} policy. */
public final class BlockBackpressurePolicyProvider implements BackpressurePolicyProvider {
    public static final String NAME = "block";

    /** How long a publisher waits for room before the frame is dropped. */
    public static final String BLOCK_TIMEOUT_KEY = "bridge.backpressure.block-timeout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackpressurePolicy create(ProviderConfig config, ProviderContext context) {
        return new BlockPolicy(config.duration(BLOCK_TIMEOUT_KEY));
    }
}
