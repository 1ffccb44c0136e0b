package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hakoniwa.bridge.bench.common.BenchBodies;

/**
 * The harness's command line.
 *
 * @param quick short windows (about 2 minutes in all)
 * @param scenarios which scenarios run
 * @param clients the client counts K of every scenario
 * @param sizes fan-out body sizes in bytes
 * @param policy the bridge's backpressure policy in every scenario but the memory one (which runs two)
 * @param connections idle connections of the memory scenario
 * @param latencyHz publish rate of the latency scenario
 * @param serverHeap -Xmx of the server JVMs
 * @param profile record the server JVMs with JFR and summarise the samples
 * @param outDir where results, logs and recordings go
 * @param timing durations
 */
record BenchOptions(boolean quick, Set<Scenario> scenarios, List<Integer> clients, List<Integer> sizes, String policy,
        int connections, double latencyHz, String serverHeap, boolean profile, Path outDir, Timing timing) {
    static final List<Integer> DEFAULT_CLIENTS = List.of(1, 2, 10, 50);
    static final List<Integer> DEFAULT_SIZES = List.of(BenchBodies.TWIST, 1024, 64 * 1024, BenchBodies.LARGEST);

    BenchOptions {
        // In run order: an EnumSet iterates in declaration order.
        scenarios = Collections.unmodifiableSet(scenarios.isEmpty() ? EnumSet.noneOf(Scenario.class)
                : EnumSet.copyOf(scenarios));
        clients = List.copyOf(clients);
        sizes = List.copyOf(sizes);
        requireNonNull(policy, "policy is null");
        requireNonNull(outDir, "outDir is null");
        requireNonNull(timing, "timing is null");
    }

    static String usage() {
        return String.join("\n",
                "Usage: java -jar bench/target/hakoniwa-bench.jar [options]      the load benchmark",
                "       java -jar bench/target/hakoniwa-bench.jar jmh [JMH options]  JMH codec benchmarks"
                        + " (-prof gc unless another -prof is given)",
                "",
                "Options:",
                "  --quick                 short windows: about 2 minutes instead of about 8",
                "  --scenarios LIST        comma-separated, from: " + Scenario.labels() + " (default: all)",
                "  --clients LIST          client counts K (default: 1,2,10,50)",
                "  --sizes LIST            fan-out body sizes in bytes, or max for 1 MiB - 304"
                        + " (default: 72,1024,65536,max)",
                "  --policy NAME           the bridge's backpressure policy (default: latest-wins)",
                "  --measure DURATION      throughput window, e.g. 3s or 500ms",
                "  --latency-measure D     latency sampling per row, e.g. 5s",
                "  --latency-hz HZ         latency stream rate (default: 1000)",
                "  --connections N         idle connections of the memory scenario (default: 1000)",
                "  --server-heap SIZE      -Xmx of the server JVMs (default: 1g)",
                "  --profile               record the server JVMs with JFR and print their hottest frames",
                "  --out DIR               results, logs and recordings (default: the jar's folder)",
                "  --help                  this text",
                "",
                "Scenarios:",
                Arrays.stream(Scenario.values()).map(s -> String.format(Locale.ROOT, "  %-10s %s", s.label(),
                        s.description())).collect(Collectors.joining("\n")));
    }

    /** Parses the arguments; {@code defaultOut} is the jar's folder. Throws IllegalArgumentException with advice. */
    static BenchOptions parse(List<String> args, Path defaultOut) {
        boolean quick = args.contains("--quick");
        Timing timing = quick ? Timing.QUICK : Timing.FULL;
        Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
        List<Integer> clients = DEFAULT_CLIENTS;
        List<Integer> sizes = DEFAULT_SIZES;
        String policy = "latest-wins";
        int connections = 1000;
        double latencyHz = 1000;
        String heap = "1g";
        boolean profile = false;
        Path out = defaultOut;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> {
                    // Read above: it chooses the timing that later options adjust.
                }
                case "--profile" -> profile = true;
                case "--scenarios" -> {
                    scenarios = EnumSet.noneOf(Scenario.class);
                    for (String label : value(args, ++i, arg).split(",")) {
                        scenarios.add(Scenario.byLabel(label));
                    }
                }
                case "--clients" -> clients = positiveInts(value(args, ++i, arg), arg);
                case "--sizes" -> sizes = sizes(value(args, ++i, arg));
                case "--policy" -> policy = value(args, ++i, arg);
                case "--measure" -> timing = timing.withMeasure(duration(value(args, ++i, arg), arg));
                case "--latency-measure" -> timing = timing.withLatencyMeasure(duration(value(args, ++i, arg), arg));
                case "--latency-hz" -> latencyHz = Double.parseDouble(value(args, ++i, arg));
                case "--connections" -> connections = positiveInts(value(args, ++i, arg), arg).get(0);
                case "--server-heap" -> heap = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
            }
        }
        return new BenchOptions(quick, scenarios, clients, sizes, policy, connections, latencyHz, heap, profile,
                out.toAbsolutePath().normalize(), timing);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value (see --help)");
        }
        return args.get(index);
    }

    private static List<Integer> positiveInts(String list, String option) {
        List<Integer> values = new ArrayList<>();
        for (String item : list.split(",")) {
            int value = Integer.parseInt(item.strip());
            if (value < 1) {
                throw new IllegalArgumentException(option + " takes positive numbers, got " + item);
            }
            values.add(value);
        }
        return values;
    }

    private static List<Integer> sizes(String list) {
        List<Integer> values = new ArrayList<>();
        for (String item : list.split(",")) {
            String size = item.strip().toLowerCase(Locale.ROOT);
            int value = size.equals("max") ? BenchBodies.LARGEST : Integer.parseInt(size);
            if (value < BenchBodies.TWIST || value > BenchBodies.LARGEST) {
                throw new IllegalArgumentException("body sizes go from " + BenchBodies.TWIST + " to "
                        + BenchBodies.LARGEST + " (1 MiB less the 304-byte header), got " + item);
            }
            values.add(value);
        }
        return values;
    }

    static Duration duration(String text, String option) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a duration like 3s or 500ms, got " + text, e);
        }
        throw new IllegalArgumentException(option + " takes a duration like 3s or 500ms, got " + text);
    }
}
