package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two server JVMs of the throughput and latency scenarios, started once and shared by them, and the helpers that
 * connect and disconnect load clients and wait until the server has seen it.
 */
final class Servers implements AutoCloseable {
    private static final long READERS_TIMEOUT_MILLIS = 60_000;

    private final ServerProcess bridge;
    private final ServerProcess baseline;

    private Servers(ServerProcess bridge, ServerProcess baseline) {
        this.bridge = bridge;
        this.baseline = baseline;
    }

    static Servers start(Path jar, BenchOptions options) throws BenchException {
        ServerProcess bridge = startBridge("bridge", jar, options, options.policy());
        try {
            ServerProcess baseline = startBaseline("baseline", jar, options);
            return new Servers(bridge, baseline);
        } catch (BenchException e) {
            bridge.close();
            throw e;
        }
    }

    /** A bridge server JVM: multi-client, room for every connection the memory scenario opens. */
    static ServerProcess startBridge(String name, Path jar, BenchOptions options, String policy)
            throws BenchException {
        int maxClients = Math.max(2 * options.connections(), 2 * maxK(options) + 16);
        List<String> args = List.of("--max-clients", String.valueOf(maxClients), "--multi-client",
                "--backpressure.policy", policy);
        return ServerProcess.start(name, "bridge", jar, options.outDir(), jvmArgs(name, options), args);
    }

    static ServerProcess startBaseline(String name, Path jar, BenchOptions options) throws BenchException {
        return ServerProcess.start(name, "baseline", jar, options.outDir(), jvmArgs(name, options), List.of());
    }

    /** The server JVMs' options: the heap limit, and a JFR recording when profiling. */
    static List<String> jvmArgs(String name, BenchOptions options) {
        List<String> args = new ArrayList<>(List.of("-Xmx" + options.serverHeap()));
        if (options.profile()) {
            args.add("-XX:StartFlightRecording=filename=" + jfrFile(name, options) + ",settings="
                    + jfcFile(options) + ",dumponexit=true");
        }
        return args;
    }

    /** The JFR settings (bench.jfc in the jar), copied out once: JFR reads settings from a file. */
    private static Path jfcFile(BenchOptions options) {
        Path file = options.outDir().resolve("bench.jfc");
        try (java.io.InputStream in = Servers.class.getResourceAsStream("/bench.jfc")) {
            if (in == null) {
                return Path.of("profile");
            }
            java.nio.file.Files.createDirectories(options.outDir());
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    static Path jfrFile(String name, BenchOptions options) {
        return options.outDir().resolve("bench-server-" + name + ".jfr");
    }

    private static int maxK(BenchOptions options) {
        return options.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    ServerProcess bridge() {
        return bridge;
    }

    ServerProcess baseline() {
        return baseline;
    }

    /**
     * Runs the publish path of both servers for a while before any figure is taken, so that whichever scenario comes
     * first does not measure code the JIT has not compiled yet.
     */
    void warmUp(LoadClients clients, java.time.Duration duration) throws BenchException {
        for (ServerProcess server : List.of(bridge, baseline)) {
            List<Receiver> receivers = connect(server, clients, 2);
            try {
                for (int size : List.of(72, 64 * 1024)) {
                    server.command("PUBLISH_MAX " + size);
                    try {
                        Pause.sleep(duration.dividedBy(2));
                    } finally {
                        server.command("STOP");
                        Pause.quiesce(receivers);
                    }
                }
            } finally {
                disconnect(server, clients, receivers);
            }
        }
    }

    /** Connects {@code k} receiving clients and waits until the server counts exactly {@code k} readers. */
    List<Receiver> connect(ServerProcess server, LoadClients clients, int k) throws BenchException {
        return connect(server, clients, k, k);
    }

    /** Connects {@code k} receiving clients and waits until the server counts {@code readersAfter} readers. */
    List<Receiver> connect(ServerProcess server, LoadClients clients, int k, int readersAfter) throws BenchException {
        List<Receiver> receivers = clients.connect(server.port(), k);
        server.command("AWAIT_READERS " + readersAfter + " " + READERS_TIMEOUT_MILLIS);
        return receivers;
    }

    /** Disconnects the clients and waits until the server counts no reader. */
    void disconnect(ServerProcess server, LoadClients clients, List<Receiver> receivers) throws BenchException {
        clients.close(receivers);
        server.command("AWAIT_READERS 0 " + READERS_TIMEOUT_MILLIS);
    }

    @Override
    public void close() {
        bridge.close();
        baseline.close();
    }
}
