package org.hakoniwa.bridge.sim.backpressure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.endpoint.QueueStats;
import org.hakoniwa.bridge.pdu.testkit.LogCapture;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.hakoniwa.bridge.sim.spi.TestJars;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;
import org.hakoniwa.bridge.spi.backpressure.DropReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy from a jar built at test time, named in the configuration: dropped into bridge.plugin-dir, or on the
 * host's classpath. It refuses every data frame, which no built-in policy does, so its effect is unmistakable.
 */
class PolicySwapTest {
    private static final String SOURCE = """
            package com.example.policies;

            import org.hakoniwa.bridge.spi.ProviderConfig;
            import org.hakoniwa.bridge.spi.ProviderContext;
            import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
            import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicyProvider;
            import org.hakoniwa.bridge.spi.backpressure.Decision;

            public final class RefuseAllBackpressurePolicyProvider implements BackpressurePolicyProvider {
                @Override
                public String name() {
                    return "refuse-all";
                }

                @Override
                public BackpressurePolicy create(ProviderConfig config, ProviderContext context) {
                    return (lane, frame) -> Decision.REJECTED;
                }
            }
            """;

    @TempDir
    Path plugins;

    private Path buildJar() throws Exception {
        return TestJars.buildProviderJar(plugins, "refuse-all.jar", "com.example.policies.RefuseAllBackpressurePolicyProvider",
                BackpressurePolicyProvider.class.getName(), SOURCE);
    }

    private static void assertEveryDataFrameRefused(TestBridge test) throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        client.declareRead("drone1", 0);
        // The answer travels on the control lane, which no policy governs, and comes after the declare is in force.
        assertEquals("ack", client.extension(Map.of("op", "hello")).get(10, TimeUnit.SECONDS).get("op"));
        for (int i = 0; i < 20; i++) {
            test.bridge.publish("drone1", "pos", new Twist(i, 0, 0, 0, 0, 0).encode());
        }
        QueueStats queue = test.bridge.stats().clients().get(0).queue();
        assertEquals(20, queue.dropped(DropReason.QUEUE_FULL), "the custom policy was not in effect: " + queue);
        assertEquals(null, client.awaitPdu(Duration.ZERO));
    }

    @Test
    void aPolicyJarInThePluginDirectory_isChosenByName() throws Exception {
        buildJar();
        try (LogCapture logs = new LogCapture();
                TestBridge test = TestBridge.start("--plugin-dir", plugins.toString(),
                        "--set", "bridge.backpressure.policy=refuse-all")) {
            assertEveryDataFrameRefused(test);
            assertTrue(logs.containing("backpressure policy refuse-all").size() == 1);
        }
    }

    @Test
    void aPolicyJarOnTheHostsClasspath_isChosenByName() throws Exception {
        Path jar = buildJar();
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader hostClasspath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, original)) {
            thread.setContextClassLoader(hostClasspath);
            try (TestBridge test = TestBridge.start("--set", "bridge.backpressure.policy=refuse-all")) {
                thread.setContextClassLoader(original);
                assertEveryDataFrameRefused(test);
            }
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
