package org.hakoniwa.bridge.sim.demo;

import static java.util.Objects.requireNonNull;

import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.buffer.PduSample;
import org.hakoniwa.bridge.sim.config.BridgeKeys;
import org.hakoniwa.bridge.sim.host.Bridge;
import org.hakoniwa.bridge.sim.host.HostContext;
import org.hakoniwa.bridge.sim.host.SimulatorPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo simulator, written as any host would be: it finds the bridge through {@link ServiceLoader} and the
 * {@link SimulatorPlugin} contract only, steps its simulation at {@code bridge.demo.publish-hz}, publishes each
 * drone's Twist on {@code <drone>/pos} every step, serves the two demo services and logs what clients write.
 */
public final class DemoHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoHost.class);

    private final Bridge bridge;
    private final DemoSimulation simulation;
    private final ScheduledExecutorService stepper;

    private DemoHost(Bridge bridge, DemoSimulation simulation, ScheduledExecutorService stepper) {
        this.bridge = bridge;
        this.simulation = simulation;
        this.stepper = stepper;
    }

    /** Loads the bridge plugin, starts it and starts stepping. */
    public static DemoHost start(HostContext context) {
        requireNonNull(context, "context is null");
        SimulatorPlugin plugin = ServiceLoader.load(SimulatorPlugin.class).findFirst().orElseThrow(() ->
                new IllegalStateException("no SimulatorPlugin on the classpath: add hakoniwa-bridge-plugin-sim"));
        double hz = context.config().get(BridgeKeys.DEMO_PUBLISH_HZ);
        long periodMicros = Math.max(1, Math.round(1e6 / hz));
        DemoSimulation simulation = new DemoSimulation(periodMicros);
        Bridge bridge = plugin.start(context);
        DemoServices services = new DemoServices(simulation);
        // Adding two numbers never blocks: answer on the calling thread, without a handoff to a handler thread.
        bridge.registerService(DemoServices.ADD, call -> CompletableFuture.completedFuture(services.add(call)));
        bridge.registerSyncService(DemoServices.SYSTEM_CONTROL, services::systemControl);
        bridge.onClientWrite(DemoHost::logWrite);
        ScheduledExecutorService stepper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-simulation");
            thread.setDaemon(true);
            return thread;
        });
        DemoHost host = new DemoHost(bridge, simulation, stepper);
        stepper.scheduleAtFixedRate(host::step, 0, periodMicros, TimeUnit.MICROSECONDS);
        LOG.info("demo simulation publishing drone1/pos and drone2/pos at {} Hz; serving {} and {}", hz,
                DemoServices.ADD, DemoServices.SYSTEM_CONTROL);
        return host;
    }

    private void step() {
        try {
            long now = simulation.advance();
            bridge.step(now);
            bridge.publish("drone1", "pos", simulation.drone1(now).encode());
            bridge.publish("drone2", "pos", simulation.drone2(now).encode());
        } catch (RuntimeException e) {
            LOG.error("demo step failed; carrying on", e);
        }
    }

    private static void logWrite(PduSample sample) {
        if (sample.body().remaining() == Twist.BODY_SIZE) {
            LOG.info("client wrote {}: {}", sample.key(), Twist.decode(sample.body()));
        } else {
            LOG.info("client wrote {}: {} bytes", sample.key(), sample.body().remaining());
        }
    }

    public Bridge bridge() {
        return bridge;
    }

    public DemoSimulation simulation() {
        return simulation;
    }

    @Override
    public void close() {
        stepper.shutdownNow();
        try {
            stepper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bridge.close();
    }
}
