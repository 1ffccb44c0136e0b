package org.hakoniwa.bridge.sim.spi;

import java.nio.file.Path;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;

/** Backpressure policy providers built into jars at test time. */
final class TestProviders {
    static final String POLICY_INTERFACE = BackpressurePolicyProvider.class.getName();

    private TestProviders() {
    }

    /** A jar with a policy provider class {@code className} whose {@code name()} is {@code name}. */
    static Path policyJar(Path dir, String jarName, String className, String name) {
        return TestJars.buildProviderJar(dir, jarName, className, POLICY_INTERFACE, policySource(className, name));
    }

    static String policySource(String className, String name) {
        int dot = className.lastIndexOf('.');
        return """
                package %s;

                import org.hakoniwa.bridge.spi.ProviderConfig;
                import org.hakoniwa.bridge.spi.ProviderContext;
                import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
                import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;
                import org.hakoniwa.bridge.spi.backpressure.Decision;

                public final class %s implements BackpressurePolicyProvider {
                    @Override
                    public String name() {
                        return %s;
                    }

                    @Override
                    public BackpressurePolicy create(ProviderConfig config, ProviderContext context) {
                        return (lane, frame) -> Decision.REJECTED;
                    }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1),
                name == null ? "null" : "\"" + name + "\"");
    }
}
