package org.hakoniwa.bridge.sim.demo;

import java.util.Optional;
import org.hakoniwa.bridge.pdu.config.ConfigFileException;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeConfigLoader;
import org.hakoniwa.bridge.sim.config.CommandLine;
import org.hakoniwa.bridge.sim.config.ConfigurationException;
import org.hakoniwa.bridge.sim.host.HostContext;
import org.hakoniwa.bridge.spi.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar hakoniwa-bridge.jar [options]}: the bridge with its embedded demo simulator. Runs until Ctrl-C or
 * SIGTERM, then stops gracefully and exits with 0. A configuration problem exits with 2 and one clear message.
 */
public final class Main {
    private static final String LOGBACK_CONFIG = "logback.configurationFile";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOGBACK_CONFIG) == null) {
            System.setProperty(LOGBACK_CONFIG, "hakoniwa-bridge-logback.xml");
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        Logger log = LoggerFactory.getLogger(Main.class);
        BridgeConfig config;
        DemoHost host;
        try {
            BridgeConfigLoader.LoadResult loaded = BridgeConfigLoader.load(args, System.getenv(),
                    System.getProperties());
            if (loaded.helpRequested()) {
                System.out.println(CommandLine.usage());
                return 0;
            }
            config = loaded.config().orElseThrow();
            HostContext context = new HostContext(DemoDefinitions.pdus(config), DemoDefinitions.services(config),
                    Optional.empty(), config);
            StopSignal signal = new StopSignal();
            host = DemoHost.start(context);
            log.info("press Ctrl-C to stop");
            try {
                signal.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            host.close();
            signal.done();
            return 0;
        } catch (ConfigurationException | ConfigFileException | TransportException e) {
            System.err.println("hakoniwa-bridge: " + e.getMessage());
            return 2;
        }
    }
}
