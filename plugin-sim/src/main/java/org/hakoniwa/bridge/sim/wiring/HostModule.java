package org.hakoniwa.bridge.sim.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.hakoniwa.bridge.pdu.config.PduDefinition;
import org.hakoniwa.bridge.rpc.config.ServiceDefinition;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.host.HostContext;
import org.hakoniwa.bridge.sim.host.SimulationClock;
import org.hakoniwa.bridge.sim.runtime.StepClock;
import org.hakoniwa.bridge.sim.spi.PluginDirectory;
import org.hakoniwa.bridge.spi.ProviderConfig;
import org.hakoniwa.bridge.spi.ProviderContext;

/**
 * What the host gave and what every part shares: configuration, definitions, the clock, the timer thread. The
 * simulation clock defaults to the step clock; {@link HostClockModule} replaces it when the host has a clock.
 */
final class HostModule extends AbstractModule {
    private final HostContext context;
    private final PluginDirectory plugins;

    HostModule(HostContext context, PluginDirectory plugins) {
        this.context = requireNonNull(context, "context is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        bind(HostContext.class).toInstance(context);
        bind(BridgeConfig.class).toInstance(context.config());
        bind(ProviderConfig.class).toInstance(context.config());
        bind(PduDefinition.class).toInstance(context.pdus());
        bind(ServiceDefinition.class).toInstance(context.services());
        bind(PluginDirectory.class).toInstance(plugins);
        bind(StepClock.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), SimulationClock.class).setDefault().to(StepClock.class);
    }

    /**
     * The shared timer. Cancelled tasks leave its queue at once: every RPC call schedules a deadline that is
     * cancelled when the call ends, and every ping a pong check, so keeping them until they fall due would hold memory
     * in proportion to the call rate.
     */
    @Provides
    @Singleton
    ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, daemonThreads("bridge-timer"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Provides
    @Singleton
    ProviderContext providerContext(ScheduledExecutorService scheduler) {
        return new ProviderContext(scheduler, Clock.systemUTC());
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
