package org.hakoniwa.bridge.bench.server;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hakoniwa.bridge.bench.common.ControlReply;
import org.hakoniwa.bridge.bench.common.ProcessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server JVM the harness starts: {@code java -cp hakoniwa-bench.jar org.hakoniwa.bridge.bench.server.ServerMain
 * bridge|baseline [bridge options]}. It prints {@code READY port=…} and then answers one line on standard output
 * for every command line read on standard input (see {@link ControlCommands}). End of input stops it, so the server
 * never outlives its harness. Logs go to the file named by {@code -Dbench.log.file}, never to standard output.
 */
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) throws IOException {
        // Standard output is the control channel: nothing else may write there.
        PrintStream control = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length == 0 || !(args[0].equals("bridge") || args[0].equals("baseline"))) {
            control.println("FAILED usage: ServerMain bridge|baseline [bridge options]");
            System.exit(2);
            return;
        }
        ServerUnderTest server;
        try {
            List<String> options = Arrays.asList(args).subList(1, args.length);
            server = args[0].equals("bridge") ? BridgeHost.start(options) : BaselineServer.start();
        } catch (Exception e) {
            LOG.error("the {} server did not start", args[0], e);
            control.println("FAILED " + e);
            System.exit(1);
            return;
        }
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("port", server.port());
        ready.put("pid", ProcessHandle.current().pid());
        ready.putAll(server.describe());
        control.println(ControlReply.format("READY", ready));
        ControlCommands commands = new ControlCommands(server, new Publisher(server));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String reply = commands.execute(line.strip());
                control.println(reply);
                if (commands.quitting()) {
                    break;
                }
            }
        } finally {
            commands.stopPublishing();
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the server failed", e);
            }
            LOG.info("server JVM done: {} threads left, {} MiB heap", ProcessMetrics.threads(),
                    ProcessMetrics.heapUsed() >> 20);
        }
        System.exit(0);
    }
}
