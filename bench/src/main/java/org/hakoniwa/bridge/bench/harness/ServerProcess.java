package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.bench.common.ControlReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server JVM started by the harness: {@code java <jvm args> -cp <this jar> ServerMain bridge|baseline …}, driven
 * over its standard input and output one line at a time. Its standard error and its log go to files under the
 * output folder. It dies with the harness: it is registered with {@link ChildProcesses}, and it stops by itself
 * when its standard input closes.
 */
final class ServerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private static final String MAIN = "org.hakoniwa.bridge.bench.server.ServerMain";
    private static final String EOF = "\u0000EOF";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path logFile;
    private final Path errFile;
    private final Object lock = new Object();
    private ControlReply ready;

    private ServerProcess(String name, Process process, Path logFile, Path errFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.errFile = errFile;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                true);
        Thread reader = new Thread(this::readReplies, "bench-" + name + "-control");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a server JVM and waits for its READY line.
     *
     * @param name a label for files and messages ({@code bridge}, {@code baseline-mem}, …)
     * @param kind {@code bridge} or {@code baseline}
     * @param jvmArgs extra JVM options (heap, JFR)
     * @param serverArgs the bridge's command-line options
     */
    static ServerProcess start(String name, String kind, Path jar, Path outDir, List<String> jvmArgs,
            List<String> serverArgs) throws BenchException {
        requireNonNull(jar, "jar is null");
        Path logFile = outDir.resolve("bench-server-" + name + ".log");
        Path errFile = outDir.resolve("bench-server-" + name + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Dlogback.configurationFile=bench-server-logback.xml");
        command.add("-Dbench.log.file=" + logFile);
        command.add("-cp");
        command.add(jar.toString());
        command.add(MAIN);
        command.add(kind);
        command.addAll(serverArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errFile.toFile());
        Process process;
        try {
            Files.createDirectories(outDir);
            process = builder.start();
        } catch (IOException e) {
            throw new BenchException("cannot start the " + name + " server JVM (" + String.join(" ", command)
                    + "): " + e.getMessage(), e);
        }
        ChildProcesses.register(process);
        LOG.info("started {} server JVM pid {}: {}", name, process.pid(), String.join(" ", command));
        ServerProcess server = new ServerProcess(name, process, logFile, errFile);
        ControlReply first = server.awaitReply(START_TIMEOUT, "start");
        if (!first.status().equals("READY")) {
            server.close();
            throw new BenchException("the " + name + " server JVM did not start: " + first + " (see " + errFile
                    + " and " + logFile + ")");
        }
        server.ready = first;
        return server;
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (ControlReply.isReply(line)) {
                    replies.add(line);
                } else {
                    // The JVM itself may print on standard output (JFR's start-up note, for one).
                    LOG.info("{} server stdout: {}", name, line);
                }
            }
        } catch (IOException e) {
            LOG.debug("{} control channel closed: {}", name, e.toString());
        }
        replies.add(EOF);
    }

    int port() {
        return Integer.parseInt(ready.fields().get("port"));
    }

    /** The READY line's fields: port, pid and the server's configuration. */
    Map<String, String> description() {
        return ready.fields();
    }

    /** Sends one command and waits for its reply; an {@code ERR} reply or silence is a {@link BenchException}. */
    ControlReply command(String line) throws BenchException {
        synchronized (lock) {
            if (!process.isAlive()) {
                throw new BenchException("the " + name + " server JVM has exited with " + process.exitValue()
                        + " (see " + errFile + " and " + logFile + ")");
            }
            commands.println(line);
            ControlReply reply = awaitReply(COMMAND_TIMEOUT, line);
            if (!reply.ok()) {
                throw new BenchException("the " + name + " server answered '" + line + "' with: " + reply);
            }
            return reply;
        }
    }

    private ControlReply awaitReply(Duration timeout, String what) throws BenchException {
        String line;
        try {
            line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for the " + name + " server", e);
        }
        if (line == null) {
            throw new BenchException("the " + name + " server did not answer '" + what + "' within "
                    + timeout.toSeconds() + " s (see " + logFile + ")");
        }
        if (line.equals(EOF)) {
            throw new BenchException("the " + name + " server JVM exited during '" + what + "' (see " + errFile
                    + " and " + logFile + ")");
        }
        return ControlReply.parse(line);
    }

    /** Asks the server to quit, then makes sure it is gone. */
    @Override
    public void close() {
        synchronized (lock) {
            if (process.isAlive()) {
                commands.println("QUIT");
                commands.close();
            }
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                LOG.warn("the {} server JVM did not quit within 15 s; killing it", name);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        ChildProcesses.unregister(process);
    }
}
