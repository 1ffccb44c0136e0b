package org.hakoniwa.bridge.sim.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.transport.jetty.JettyTransportProvider;
import org.junit.jupiter.api.Test;

/** The runnable as a user starts it, in its own JVM: it serves, and SIGTERM stops it gracefully with exit code 0. */
class MainProcessTest {
    private static final Pattern READY = Pattern.compile("ready on ws://127\\.0\\.0\\.1:(\\d+)/");

    private static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void sigterm_stopsGracefully_closingClientsWith1001_andExitsWith0() throws Exception {
        Process bridge = start("--port", "0", "--publish-hz", "20");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bridge.getInputStream(), UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // The JDK closes a dead process's pipe; what was read is all the test needs.
            }
        });
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        Transport transport = new JettyTransportProvider().create(BridgeConfig.defaults(),
                new ProviderContext(scheduler, java.time.Clock.systemUTC()));
        try {
            int port = -1;
            while (port < 0) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                assertNotNull(line, "the bridge did not report ready within 30 s");
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    port = Integer.parseInt(ready.group(1));
                }
            }
            BridgeClient client = BridgeClient.connect(transport, URI.create("ws://127.0.0.1:" + port + "/"),
                    FrameForm.V2_304, scheduler);
            client.declareRead("drone1", 0);
            assertNotNull(client.awaitPdu(Duration.ofSeconds(10)), "the demo publishes drone1/pos");

            bridge.destroy(); // SIGTERM
            assertTrue(bridge.waitFor(20, TimeUnit.SECONDS), "the bridge did not stop within 20 s");
            assertEquals(0, bridge.exitValue());
            assertTrue(client.awaitDisconnected(Duration.ofSeconds(10)), "the client was not closed");
        } finally {
            bridge.destroyForcibly();
            transport.close();
            scheduler.shutdownNow();
        }
    }

    @Test
    void aMistypedOption_exitsWith2_andSaysWhatToDo() throws Exception {
        Process bridge = start("--max-client", "3");
        String output = new String(bridge.getInputStream().readAllBytes(), UTF_8);
        assertTrue(bridge.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, bridge.exitValue());
        assertTrue(output.contains("hakoniwa-bridge: Unknown command-line option --max-client; did you mean"
                + " --max-clients?"), output);
    }
}
