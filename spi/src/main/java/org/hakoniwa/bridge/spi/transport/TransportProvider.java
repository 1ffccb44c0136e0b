package org.hakoniwa.bridge.spi.transport;

import org.hakoniwa.bridge.spi.NamedProvider;
import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;

/**
 * Creates {@link Transport}s. Found by {@link java.util.ServiceLoader}; selected by
 * {@code bridge.transport}. Implementations are public, final and have a public no-arg constructor.
 */
public interface TransportProvider extends NamedProvider {
    /** Creates a transport; it holds no sockets until {@link Transport#listen} or {@link Transport#connect}. */
    Transport create(ProviderConfig config, ProviderContext context);
}
