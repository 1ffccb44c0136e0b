package org.hakoniwa.bridge.sim.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hakoniwa.bridge.pdu.config.PduDefinition;
import org.hakoniwa.bridge.pdu.config.PduDefinitionLoader;
import org.hakoniwa.bridge.rpc.config.ServiceDefinition;
import org.hakoniwa.bridge.rpc.config.ServiceDefinitionLoader;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.sim.config.BridgeKeys;

/** The PDU and service definitions to run with: the configured files, or the bundled demo ones. */
final class DemoDefinitions {
    private DemoDefinitions() {
    }

    static PduDefinition pdus(BridgeConfig config) {
        return PduDefinitionLoader.load(config.get(BridgeKeys.PDU_CONFIG).orElseGet(() -> bundled("pdu_config.json")));
    }

    static ServiceDefinition services(BridgeConfig config) {
        return ServiceDefinitionLoader.load(config.get(BridgeKeys.SERVICE_CONFIG)
                .orElseGet(() -> bundled("service.json")));
    }

    /** Copies a bundled demo file out of the jar, since the loaders read files. */
    private static Path bundled(String name) {
        try (InputStream in = DemoDefinitions.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled demo file " + name + " is missing from the jar");
            }
            Path file = Files.createTempFile("hakoniwa-bridge-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled demo file " + name, e);
        }
    }
}
