package org.hakoniwa.bridge.sim.host;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.hakoniwa.bridge.pdu.config.PduDefinition;
import org.hakoniwa.bridge.rpc.config.ServiceDefinition;
import org.hakoniwa.bridge.sim.config.BridgeConfig;

/**
 * What a simulator gives the bridge when it starts it.
 *
 * @param pdus the PDU definition: which (robot, channel) topics exist
 * @param services the RPC service definition; a service's id is its index there
 * @param clock the simulation clock; empty when the host reports time through {@link Bridge#step(long)} instead
 * @param config the bridge configuration
 */
public record HostContext(PduDefinition pdus, ServiceDefinition services, Optional<SimulationClock> clock,
        BridgeConfig config) {
    public HostContext {
        requireNonNull(pdus, "pdus is null");
        requireNonNull(services, "services is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(config, "config is null");
    }
}
