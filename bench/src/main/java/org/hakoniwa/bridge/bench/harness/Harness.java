package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the chosen scenarios in order, prints the tables and writes the results file. Time-bounded: a watchdog ends
 * a run that hangs (the shutdown hook of {@link ChildProcesses} then kills the server JVMs).
 */
public final class Harness {
    private static final Set<Scenario> SHARED_SERVERS = EnumSet.of(Scenario.FANOUT, Scenario.LATENCY, Scenario.RPC,
            Scenario.ISOLATION);

    private final BenchOptions options;
    private final Path classpath;

    private Harness(BenchOptions options, Path classpath) {
        this.options = requireNonNull(options, "options is null");
        this.classpath = requireNonNull(classpath, "classpath is null");
    }

    /** The harness's entry point; returns the process exit code. */
    public static int main(String[] args, Path classpath, Path defaultOut) {
        BenchOptions options;
        try {
            if (java.util.List.of(args).contains("--help")) {
                System.out.println(BenchOptions.usage());
                return 0;
            }
            options = BenchOptions.parse(java.util.List.of(args), defaultOut);
        } catch (IllegalArgumentException e) {
            System.err.println("hakoniwa-bench: " + e.getMessage());
            return 2;
        }
        startWatchdog(options.quick() ? Duration.ofMinutes(10) : Duration.ofMinutes(30));
        return new Harness(options, classpath).run();
    }

    private static void startWatchdog(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("hakoniwa-bench: the run took longer than " + limit.toMinutes()
                    + " minutes; stopping it (server JVMs are killed)");
            System.exit(3);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private int run() {
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("date", started.toString());
        header.put("machine", Machine.describe());
        header.put("configuration", configuration());
        header.put("policy", options.policy());
        Report report = new Report(header);
        if (options.profile()) {
            report.showBreakdowns();
        }
        Progress.say("hakoniwa-bench: scenarios %s, K = %s, output in %s", options.scenarios(), options.clients(),
                options.outDir());
        try (LoadClients clients = new LoadClients()) {
            if (options.scenarios().stream().anyMatch(SHARED_SERVERS::contains)) {
                runShared(clients, report);
            }
            if (options.scenarios().contains(Scenario.MEMORY)) {
                try {
                    report.memory(new MemoryScenario(classpath, clients, options).run());
                } catch (BenchException e) {
                    fail(report, Scenario.MEMORY, e);
                }
            }
        }
        if (options.scenarios().contains(Scenario.CODEC)) {
            try {
                report.codec(new CodecScenario(options).run());
            } catch (BenchException e) {
                fail(report, Scenario.CODEC, e);
            }
        }
        report.put("loadAverageAtEnd", Machine.loadAverage());
        report.put("seconds", ChronoUnit.SECONDS.between(started, OffsetDateTime.now()));
        System.out.println(report.render());
        try {
            Path file = report.writeJson(options.outDir(),
                    started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            System.out.println("results: " + file + " (and bench-results.json beside it)");
        } catch (IOException e) {
            System.err.println("hakoniwa-bench: cannot write the results file: " + e);
            return 1;
        }
        return report.failed() ? 1 : 0;
    }

    private void runShared(LoadClients clients, Report report) {
        Servers servers;
        try {
            servers = Servers.start(classpath, options);
        } catch (BenchException e) {
            options.scenarios().stream().filter(SHARED_SERVERS::contains).forEach(s -> fail(report, s, e));
            return;
        }
        try (servers) {
            report.put("bridge", servers.bridge().description());
            report.put("baseline", servers.baseline().description());
            try {
                servers.warmUp(clients, options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(4));
            } catch (BenchException e) {
                options.scenarios().stream().filter(SHARED_SERVERS::contains).forEach(s -> fail(report, s, e));
                return;
            }
            if (options.scenarios().contains(Scenario.FANOUT)) {
                try {
                    report.fanOut(new FanOutScenario(servers, clients, options).run());
                } catch (BenchException e) {
                    fail(report, Scenario.FANOUT, e);
                }
            }
            if (options.scenarios().contains(Scenario.LATENCY)) {
                try {
                    report.latency(new LatencyScenario(servers, clients, options).run());
                } catch (BenchException e) {
                    fail(report, Scenario.LATENCY, e);
                }
            }
            if (options.scenarios().contains(Scenario.RPC)) {
                try {
                    report.rpc(new RpcScenario(servers, clients, options).run());
                } catch (BenchException e) {
                    fail(report, Scenario.RPC, e);
                }
            }
            if (options.scenarios().contains(Scenario.ISOLATION)) {
                try {
                    report.isolation(new IsolationScenario(servers, clients, options).run());
                } catch (BenchException e) {
                    fail(report, Scenario.ISOLATION, e);
                }
            }
        }
        if (options.profile()) {
            for (String name : java.util.List.of("bridge", "baseline")) {
                try {
                    report.profile(name, JfrSummary.summarise(Servers.jfrFile(name, options), 25));
                } catch (IOException e) {
                    report.profile(name, "cannot read the recording: " + e + "\n");
                }
            }
        }
    }

    private static void fail(Report report, Scenario scenario, BenchException e) {
        Progress.say("%s FAILED: %s", scenario.label(), e.getMessage());
        report.error(scenario, e);
    }

    private Map<String, Object> configuration() {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("quick", options.quick());
        configuration.put("scenarios", options.scenarios().stream().map(Scenario::label).sorted().toList());
        configuration.put("clients", options.clients());
        configuration.put("bodySizes", options.sizes());
        configuration.put("policy", options.policy());
        configuration.put("latencyHz", options.latencyHz());
        configuration.put("idleConnections", options.connections());
        configuration.put("stalledBodyBytes", MemoryScenario.STALLED_BODY);
        configuration.put("serverJvmArgs", Servers.jvmArgs("<name>", options));
        Timing timing = options.timing();
        Map<String, Object> durations = new LinkedHashMap<>();
        durations.put("warmupMillis", timing.warmup().toMillis());
        durations.put("measureMillis", timing.measure().toMillis());
        durations.put("rounds", timing.rounds());
        durations.put("latencyWarmupMillis", timing.latencyWarmup().toMillis());
        durations.put("latencyMeasureMillis", timing.latencyMeasure().toMillis());
        durations.put("stallSettleMillis", timing.stallSettle().toMillis());
        durations.put("stalledHeapSamples", timing.stalledSamples());
        durations.put("jmhWarmupIterations", timing.jmhWarmupIterations());
        durations.put("jmhIterations", timing.jmhIterations());
        durations.put("jmhIterationMillis", timing.jmhIterationTime().toMillis());
        configuration.put("durations", durations);
        return configuration;
    }
}
