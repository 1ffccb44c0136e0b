package org.hakoniwa.bridge.sim.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hakoniwa.bridge.pdu.dispatch.ControlFrames;
import org.hakoniwa.bridge.rpc.config.ServiceDefinition;
import org.hakoniwa.bridge.rpc.server.EndpointReplySender;
import org.hakoniwa.bridge.rpc.server.RpcServer;
import org.hakoniwa.bridge.rpc.server.RpcSettings;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.spi.route.RouteStore;

/** The RPC side: settings, handler threads, the RPC server answering through the endpoint. */
final class RpcModule extends AbstractModule {
    @Provides
    @Singleton
    RpcSettings settings(BridgeConfig config) {
        return new RpcSettings(config.get(BridgeKeys.RPC_DEADLINE), config.get(BridgeKeys.RPC_MAX_IN_FLIGHT),
                config.get(BridgeKeys.RPC_ENFORCE_MAX_CLIENTS));
    }

    @Provides
    @Singleton
    ExecutorService handlerThreads() {
        return Executors.newCachedThreadPool(HostModule.daemonThreads("bridge-rpc-handler"));
    }

    @Provides
    @Singleton
    RpcServer rpcServer(ServiceDefinition definition, RouteStore routes, RpcSettings settings,
            ControlFrames controlFrames, ScheduledExecutorService scheduler, ExecutorService handlerThreads) {
        return new RpcServer(definition, routes, settings, new EndpointReplySender(controlFrames), scheduler,
                handlerThreads);
    }
}
