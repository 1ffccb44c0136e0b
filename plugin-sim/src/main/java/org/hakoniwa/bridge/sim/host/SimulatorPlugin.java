package org.hakoniwa.bridge.sim.host;

/**
 * What a simulator loads: found with {@link java.util.ServiceLoader}
 * ({@code ServiceLoader.load(SimulatorPlugin.class)}), started with what the simulator knows, stopped by closing
 * what {@link #start} returned.
 *
 * <p>A host drives the plugin from one thread or several; {@link #start} is called once per bridge.
 */
public interface SimulatorPlugin {
    /** A stable name, for hosts that load several plugins. */
    String name();

    /**
     * Starts a bridge: it listens, accepts clients and serves the host's topics and services until closed.
     *
     * @throws org.hakoniwa.bridge.sim.config.ConfigurationException when the configuration cannot work (an unknown
     *     provider name, an unusable plugin folder)
     * @throws org.hakoniwa.bridge.spi.transport.TransportException when the address cannot be bound
     */
    Bridge start(HostContext context);
}
