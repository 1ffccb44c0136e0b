package org.hakoniwa.bridge.sim.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;
import org.hakoniwa.bridge.sim.host.Bridge;
import org.hakoniwa.bridge.sim.host.HostContext;
import org.hakoniwa.bridge.sim.host.SimulatorPlugin;
import org.hakoniwa.bridge.sim.runtime.HakoniwaBridge;
import org.hakoniwa.bridge.sim.spi.PluginDirectory;

/**
 * The bridge as a {@link SimulatorPlugin}. Each start opens the plugin folder, chooses a provider for each extension
 * point by name, creates one injector and starts the bridge it assembles.
 *
 * <p>Providers are looked for in the bridge's own class loader, in the host's (the thread context class loader of
 * the thread that calls {@link #start}: a host that loads the bridge in its own class loader still finds providers
 * on its classpath) and in every jar of {@code bridge.plugin-dir}.
 */
public final class HakoniwaBridgePlugin implements SimulatorPlugin {
    public static final String NAME = "hakoniwa-websocket-bridge";

    @Override
    public String name() {
        return NAME;
    }

    private static List<ClassLoader> searchPath(PluginDirectory plugins) {
        List<ClassLoader> path = new ArrayList<>(plugins.searchPath());
        ClassLoader host = Thread.currentThread().getContextClassLoader();
        if (host != null && !path.contains(host)) {
            path.add(1, host);
        }
        return path;
    }

    @Override
    public Bridge start(HostContext context) {
        PluginDirectory plugins = PluginDirectory.fromConfig(context.config());
        try {
            SelectedProviders providers = SelectedProviders.select(context.config(), searchPath(plugins));
            List<Module> modules = new ArrayList<>(List.of(new HostModule(context, plugins),
                    new ProvidersModule(providers), new PduModule(), new RpcModule(), new BridgeModule()));
            context.clock().ifPresent(clock -> modules.add(new HostClockModule(clock)));
            Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
            HakoniwaBridge bridge = injector.getInstance(HakoniwaBridge.class);
            try {
                return bridge.start();
            } catch (RuntimeException e) {
                bridge.close();
                throw e;
            }
        } catch (RuntimeException e) {
            plugins.close();
            throw e;
        }
    }
}
