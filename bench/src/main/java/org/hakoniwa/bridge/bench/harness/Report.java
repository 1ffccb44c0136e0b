package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything one run measured, as tables for people and as a JSON file for comparing runs. The targets are
 * evaluated and printed, never asserted: a benchmark does not fail a build on a time.
 */
final class Report {
    static final double THROUGHPUT_TARGET = 0.8;
    static final long P99_TARGET_MICROS = 2_000;
    static final int P99_TARGET_CLIENTS = 10;
    static final double HEAP_TARGET_BYTES = 64 * 1024;
    static final double ISOLATION_TARGET = 0.9;

    private final Map<String, Object> header;
    private List<FanOutScenario.Row> fanOut = List.of();
    private List<LatencyScenario.Row> latency = List.of();
    private List<RpcScenario.Row> rpc = List.of();
    private List<IsolationScenario.Row> isolation = List.of();
    private MemoryScenario.Result memory;
    private List<CodecScenario.Row> codec = List.of();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private boolean breakdowns;

    /** @param header date, machine and configuration */
    Report(Map<String, Object> header) {
        this.header = new LinkedHashMap<>(requireNonNull(header, "header is null"));
    }

    void fanOut(List<FanOutScenario.Row> rows) {
        fanOut = List.copyOf(rows);
    }

    void latency(List<LatencyScenario.Row> rows) {
        latency = List.copyOf(rows);
    }

    void rpc(List<RpcScenario.Row> rows) {
        rpc = List.copyOf(rows);
    }

    void isolation(List<IsolationScenario.Row> rows) {
        isolation = List.copyOf(rows);
    }

    void memory(MemoryScenario.Result result) {
        memory = result;
    }

    void codec(List<CodecScenario.Row> rows) {
        codec = List.copyOf(rows);
    }

    /** Also print where each server's CPU went, by thread group, for every row (with --profile). */
    void showBreakdowns() {
        breakdowns = true;
    }

    void profile(String server, String summary) {
        profiles.put(server, summary);
    }

    void error(Scenario scenario, Exception error) {
        errors.add(scenario.label() + ": " + error.getMessage());
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    void put(String key, Object value) {
        header.put(key, value);
    }

    // ---- tables ----------------------------------------------------------------------------------------------

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("Hakoniwa bridge benchmark, ").append(header.get("date")).append('\n');
        out.append("machine: ").append(header.get("machine")).append('\n');
        out.append("bridge: ").append(header.get("bridge")).append('\n');
        if (!fanOut.isEmpty()) {
            out.append('\n').append(fanOutTable().render());
        }
        if (!latency.isEmpty()) {
            out.append('\n').append(latencyTable().render());
        }
        if (!rpc.isEmpty()) {
            out.append('\n').append(rpcTable().render());
        }
        if (!isolation.isEmpty()) {
            out.append('\n').append(isolationTable().render());
        }
        if (memory != null) {
            out.append('\n').append(idleTable().render());
            out.append('\n').append(stalledTable().render());
        }
        if (!codec.isEmpty()) {
            out.append('\n').append(codecTable().render());
        }
        List<Map<String, Object>> targets = targets();
        if (!targets.isEmpty()) {
            out.append('\n').append(targetTable(targets).render());
        }
        if (breakdowns) {
            out.append('\n').append(breakdownText());
        }
        profiles.forEach((server, summary) -> out.append("\n== JFR profile: ").append(server).append(" ==\n")
                .append(summary));
        if (!errors.isEmpty()) {
            out.append("\nERRORS (these scenarios did not finish):\n");
            errors.forEach(error -> out.append("  ").append(error).append('\n'));
        }
        return out.toString();
    }

    private String breakdownText() {
        StringBuilder out = new StringBuilder("== Server CPU by thread group (100% = one core; "
                + Window.JVM_INTERNAL + " = GC, JIT and threads that ended) ==\n");
        for (FanOutScenario.Row row : fanOut) {
            out.append(String.format(Locale.ROOT, "fanout K=%d %s%n  bridge:   %s%n  baseline: %s%n", row.clients(),
                    Sizes.body(row.bodyBytes()), row.bridge().cpuBreakdown(), row.baseline().cpuBreakdown()));
        }
        for (LatencyScenario.Row row : latency) {
            out.append(String.format(Locale.ROOT, "latency K=%d%n  bridge:   %s%n  baseline: %s%n", row.clients(),
                    row.bridge().window().cpuBreakdown(), row.baseline().window().cpuBreakdown()));
        }
        for (RpcScenario.Row row : rpc) {
            out.append(String.format(Locale.ROOT, "rpc K=%d%n  bridge:   %s%n", row.clients(),
                    row.window().cpuBreakdown()));
        }
        return out.toString();
    }

    private TextTable fanOutTable() {
        TextTable table = new TextTable("1. Fan-out: host publishes back to back, K clients read (bridge policy "
                + header.get("policy") + ")", List.of("K", "body", "bridge deliv/s", "MB/s", "pub/s",
                "drops/s", "srv CPU", "CPU us/deliv", "baseline deliv/s", "MB/s", "drops/s", "srv CPU",
                "CPU us/deliv", "ratio", "rounds"));
        for (FanOutScenario.Row row : fanOut) {
            Window b = row.bridge();
            Window r = row.baseline();
            table.row(List.of(String.valueOf(row.clients()), Sizes.body(row.bodyBytes()),
                    f0(b.deliveriesPerSecond()), f1(b.megabytesPerSecond()), f0(b.publishesPerSecond()),
                    drops(b), cpu(b), f2(b.serverCpuMicrosPerDelivery()),
                    f0(r.deliveriesPerSecond()), f1(r.megabytesPerSecond()), drops(r), cpu(r),
                    f2(r.serverCpuMicrosPerDelivery()), f2(row.ratio()),
                    f2(row.lowestRoundRatio()) + "-" + f2(row.highestRoundRatio())));
        }
        table.note("deliv/s and MB/s: received by all K clients together (MB = 10^6 bytes of whole frames, the"
                + " 304-byte header included). ratio = bridge deliv/s / baseline deliv/s over all rounds;"
                + " rounds = the lowest and highest ratio of a single round (bridge and baseline take turns).");
        table.note("drops/s: values the server did not send, by reason (bridge SUPERSEDED = replaced by a newer"
                + " value under latest-wins; baseline BUSY = skipped because a send was in flight).");
        table.note("srv CPU: server JVM process CPU over the window, 100% = one core, and the kernel's share of it;"
                + " CPU us/deliv = that CPU time per delivered message. 1MiB-304 = 1,048,272-byte body: the largest whose frame fits 1 MiB.");
        return table;
    }

    private TextTable latencyTable() {
        TextTable table = new TextTable("2. Latency: Twist at a fixed rate, publish-to-receive (us)",
                List.of("K", "Hz", "bridge p50", "p99", "p99.9", "max", "received", "srv CPU", "GCs", "baseline p50",
                        "p99", "p99.9", "max", "received", "srv CPU", "GCs", "p99 ratio"));
        for (LatencyScenario.Row row : latency) {
            LatencyScenario.Figures b = row.bridge();
            LatencyScenario.Figures r = row.baseline();
            table.row(List.of(String.valueOf(row.clients()), f0(row.hz()), String.valueOf(b.micros().p50()),
                    String.valueOf(b.micros().p99()), String.valueOf(b.micros().p999()),
                    String.valueOf(b.micros().max()), b.micros().count() + "/" + b.expected(),
                    pct(b.window().serverCpuPercent()), gc(b.window()), String.valueOf(r.micros().p50()),
                    String.valueOf(r.micros().p99()), String.valueOf(r.micros().p999()),
                    String.valueOf(r.micros().max()), r.micros().count() + "/" + r.expected(),
                    pct(r.window().serverCpuPercent()), gc(r.window()), f2(row.p99Ratio())));
        }
        table.note("received: samples kept / publishes in the window x K. Exact percentiles over every sample;"
                + " one machine, so both JVMs read the same wall clock. GCs: collections in the server during the"
                + " window (their total time).");
        return table;
    }

    private TextTable rpcTable() {
        TextTable table = new TextTable("3. RPC: K clients call Service/Add in closed loops (round trip, us)",
                List.of("K", "calls/s", "p50", "p99", "p99.9", "max", "failures", "srv CPU", "CPU us/call",
                        "ctx switches/call", "heap after GC"));
        for (RpcScenario.Row row : rpc) {
            Window w = row.window();
            table.row(List.of(String.valueOf(row.clients()), f0(row.callsPerSecond()),
                    String.valueOf(row.micros().p50()), String.valueOf(row.micros().p99()),
                    String.valueOf(row.micros().p999()), String.valueOf(row.micros().max()),
                    String.valueOf(row.failures()), cpu(w),
                    f2(w.serverCpuNanos() / 1e3 / Math.max(1, row.micros().count())),
                    f1((double) w.serverContextSwitches() / Math.max(1, row.micros().count())),
                    Sizes.bytes(row.heapAfterGc())));
        }
        table.note("heap after GC: the server's heap after a full collection right at the end of the window (before"
                + " the row: " + (rpc.isEmpty() ? "n/a" : Sizes.bytes(rpc.get(0).heapBefore())) + ").");
        return table;
    }

    private TextTable isolationTable() {
        TextTable table = new TextTable("4. Isolation: K-1 normal clients beside 1 stalled client (bridge, Twist"
                + " back to back)", List.of("K", "normal alone deliv/s", "beside stalled deliv/s", "ratio",
                "stalled: sent in window", "stalled: queued", "stalled: drops"));
        for (IsolationScenario.Row row : isolation) {
            if (row.ratio() == null) {
                table.row(List.of(String.valueOf(row.clients()), "n/a", "n/a", "n/a", "n/a", "n/a", "n/a"));
                continue;
            }
            Map<String, Long> queue = row.stalledQueue();
            String drops = queue.entrySet().stream().filter(e -> e.getKey().startsWith("drop."))
                    .map(e -> e.getKey().substring(5) + ":" + e.getValue()).collect(Collectors.joining(" "));
            table.row(List.of(String.valueOf(row.clients()), f0(row.alone().deliveriesPerSecond()),
                    f0(row.beside().deliveriesPerSecond()), f2(row.ratio()), String.valueOf(row.stalledSent()),
                    queue.getOrDefault("queued.frames", 0L) + " frames/" + queue.getOrDefault("queued.bytes", 0L)
                            + " B", drops.isEmpty() ? "-" : drops));
        }
        table.note("K=1 has no normal client: n/a. The stalled client completes the handshake, declares read and"
                + " never reads again (4 KiB receive buffer).");
        return table;
    }

    private TextTable idleTable() {
        TextTable table = new TextTable("5a. Memory per idle connection (server side, heap after full GC, VmRSS)",
                List.of("server", "connections", "heap/conn", "RSS/conn", "heap before", "heap after",
                        "heap after all left (each cycle)", "RSS before", "RSS after", "threads"));
        for (MemoryScenario.Idle idle : memory.idle()) {
            table.row(List.of(idle.server(), String.valueOf(idle.connections()),
                    Sizes.bytes(idle.heapPerConnection()), Sizes.bytes(idle.rssPerConnection()),
                    Sizes.bytes(idle.heapBefore()), Sizes.bytes(idle.heapAfter()),
                    idle.heapAfterEachCycle().stream().map(Sizes::bytes).collect(Collectors.joining(", ")),
                    Sizes.bytes(idle.rssBefore()), Sizes.bytes(idle.rssAfter()),
                    String.valueOf(idle.threadsAfter())));
        }
        for (MemoryScenario.Idle idle : memory.idle()) {
            if (!idle.grownClasses().isEmpty()) {
                table.note(idle.server() + ": live bytes that grew from the first cycle to the last: "
                        + idle.grownClasses().entrySet().stream().map(e -> e.getKey() + " +" + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
        }
        table.note("Each client connected and declared read on drone1/pos, then sent nothing. RSS includes heap"
                + " pages first touched meanwhile, so it is the rougher figure. A heap after all left that grows from"
                + " cycle to cycle would mean each connection leaves something behind.");
        return table;
    }

    private TextTable stalledTable() {
        TextTable table = new TextTable("5b. Heap under a stalled client (1 stalled + 1 normal, 64 KiB bodies back"
                + " to back)", List.of("policy", "seconds", "heap idle", "max heap after GC", "growth",
                "stalled: queued", "stalled: high water", "all queues", "limit per client", "bound"));
        for (MemoryScenario.Stalled stalled : memory.stalled()) {
            Map<String, Long> queue = stalled.stalledQueue();
            table.row(List.of(stalled.policy(), f1(stalled.seconds()), Sizes.bytes(stalled.heapIdle()),
                    Sizes.bytes(stalled.heapMaxAfterGc()), Sizes.bytes(stalled.growth()),
                    queue.getOrDefault("queued.frames", 0L) + " frames/"
                            + Sizes.bytes(queue.getOrDefault("queued.bytes", 0L)),
                    Sizes.bytes(queue.getOrDefault("highwater.bytes", 0L)), Sizes.bytes(stalled.allQueuedBytes()),
                    stalled.limits().get("queue-depth") + " frames/"
                            + Sizes.bytes(Long.parseLong(stalled.limits().get("queue-bytes"))),
                    stalled.clients() + " x limit = " + Sizes.bytes(stalled.bound())));
        }
        table.note("growth = the most heap after a full GC while publishing, less the heap before. Bounded means it"
                + " stays near the queued bytes (at most the bound) and does not grow with time.");
        return table;
    }

    private TextTable codecTable() {
        TextTable table = new TextTable("6. JMH: FrameCodec (average time, GC profiler)",
                List.of("operation", "form", "body", "ns/op", "+/-", "B/op"));
        for (CodecScenario.Row row : codec) {
            table.row(List.of(row.operation(), row.form(), Sizes.body(row.bodyBytes()), f1(row.nanosPerOp()),
                    f1(row.nanosError()), f0(row.bytesPerOp())));
        }
        return table;
    }

    private TextTable targetTable(List<Map<String, Object>> targets) {
        TextTable table = new TextTable("Targets (measured, never asserted)", List.of("target", "measured", "met"));
        for (Map<String, Object> target : targets) {
            table.row(List.of(String.valueOf(target.get("target")), String.valueOf(target.get("measured")),
                    Boolean.TRUE.equals(target.get("met")) ? "yes" : "NO"));
        }
        return table;
    }

    // ---- targets ---------------------------------------------------------------------------------------------

    List<Map<String, Object>> targets() {
        List<Map<String, Object>> targets = new ArrayList<>();
        Map<Integer, List<FanOutScenario.Row>> byK = fanOut.stream()
                .collect(Collectors.groupingBy(FanOutScenario.Row::clients, LinkedHashMap::new, Collectors.toList()));
        byK.forEach((k, rows) -> {
            FanOutScenario.Row worst = rows.stream().min((a, b) -> Double.compare(a.ratio(), b.ratio())).orElseThrow();
            targets.add(target("deliveries/s >= 0.8 x baseline at K=" + k, "worst ratio " + f2(worst.ratio())
                    + " (" + Sizes.body(worst.bodyBytes()) + "; all: " + rows.stream()
                    .map(r -> Sizes.body(r.bodyBytes()) + " " + f2(r.ratio())).collect(Collectors.joining(", "))
                    + ")", worst.ratio() >= THROUGHPUT_TARGET));
        });
        latency.stream().filter(row -> row.clients() == P99_TARGET_CLIENTS).forEach(row -> targets.add(target(
                "p99 <= 2 ms at K=10, " + f0(row.hz()) + " Hz Twist", row.bridge().micros().p99() + " us (baseline "
                        + row.baseline().micros().p99() + " us)", row.bridge().micros().p99() <= P99_TARGET_MICROS)));
        if (memory != null) {
            memory.idle().stream().filter(idle -> idle.server().equals("bridge")).forEach(idle -> targets.add(target(
                    "heap <= 64 KiB per idle connection", Sizes.bytes(idle.heapPerConnection()) + " (baseline "
                            + memory.idle().stream().filter(i -> i.server().equals("baseline"))
                            .map(i -> Sizes.bytes(i.heapPerConnection())).findFirst().orElse("n/a") + ")",
                    idle.heapPerConnection() <= HEAP_TARGET_BYTES)));
        }
        for (IsolationScenario.Row row : isolation) {
            if (row.ratio() != null) {
                targets.add(target("isolation ratio >= 0.9 at K=" + row.clients(), f2(row.ratio()),
                        row.ratio() >= ISOLATION_TARGET));
            }
        }
        return targets;
    }

    private static Map<String, Object> target(String target, String measured, boolean met) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("target", target);
        entry.put("measured", measured);
        entry.put("met", met);
        return entry;
    }

    // ---- JSON ------------------------------------------------------------------------------------------------

    /** Writes the results file and returns its path; a copy named {@code bench-results.json} is the latest run. */
    Path writeJson(Path outDir, String stamp) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>(header);
        json.put("fanout", fanOut.stream().map(Report::json).collect(Collectors.toList()));
        json.put("latency", latency.stream().map(Report::json).collect(Collectors.toList()));
        json.put("rpc", rpc.stream().map(Report::json).collect(Collectors.toList()));
        json.put("isolation", isolation.stream().map(Report::json).collect(Collectors.toList()));
        if (memory != null) {
            json.put("memory", Map.of("idle", memory.idle(), "stalled", memory.stalled()));
        }
        json.put("codec", codec);
        json.put("targets", targets());
        json.put("profiles", profiles);
        json.put("errors", errors);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(outDir);
        Path file = outDir.resolve("bench-results-" + stamp + ".json");
        mapper.writeValue(file.toFile(), json);
        Files.copy(file, outDir.resolve("bench-results.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static Map<String, Object> json(FanOutScenario.Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", row.clients());
        out.put("bodyBytes", row.bodyBytes());
        out.put("bridge", json(row.bridge()));
        out.put("baseline", json(row.baseline()));
        out.put("ratio", row.ratio());
        out.put("roundRatios", row.roundRatios());
        return out;
    }

    private static Map<String, Object> json(LatencyScenario.Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", row.clients());
        out.put("hz", row.hz());
        out.put("bridge", json(row.bridge()));
        out.put("baseline", json(row.baseline()));
        out.put("p99Ratio", row.p99Ratio());
        return out;
    }

    private static Map<String, Object> json(LatencyScenario.Figures figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("micros", figures.micros());
        out.put("published", figures.published());
        out.put("expected", figures.expected());
        out.put("undecodable", figures.undecodable());
        out.put("window", json(figures.window()));
        return out;
    }

    private static Map<String, Object> json(RpcScenario.Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", row.clients());
        out.put("callsPerSecond", row.callsPerSecond());
        out.put("micros", row.micros());
        out.put("failures", row.failures());
        out.put("heapBefore", row.heapBefore());
        out.put("heapAfterGc", row.heapAfterGc());
        out.put("window", json(row.window()));
        return out;
    }

    private static Map<String, Object> json(IsolationScenario.Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", row.clients());
        out.put("ratio", row.ratio());
        out.put("alone", row.alone() == null ? null : json(row.alone()));
        out.put("beside", row.beside() == null ? null : json(row.beside()));
        out.put("stalledSentInWindow", row.stalledSent());
        out.put("stalledQueue", row.stalledQueue());
        return out;
    }

    private static Map<String, Object> json(Window window) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", window.seconds());
        out.put("deliveries", window.deliveries());
        out.put("deliveriesPerSecond", window.deliveriesPerSecond());
        out.put("megabytesPerSecond", window.megabytesPerSecond());
        out.put("minClientDeliveries", window.minClientDeliveries());
        out.put("maxClientDeliveries", window.maxClientDeliveries());
        out.put("published", window.published());
        out.put("publishesPerSecond", window.publishesPerSecond());
        out.put("serverSent", window.serverSent());
        out.put("drops", window.drops());
        out.put("serverCpuPercent", window.serverCpuPercent());
        out.put("serverCpuMicrosPerDelivery", window.serverCpuMicrosPerDelivery());
        out.put("serverSystemSharePercent", window.serverSystemShare());
        out.put("serverContextSwitches", window.serverContextSwitches());
        out.put("serverContextSwitchesPerDelivery", window.serverContextSwitchesPerDelivery());
        out.put("serverThreadCpuNanos", window.serverThreadCpu());
        out.put("serverGcCount", window.serverGcCount());
        out.put("serverGcMillis", window.serverGcMillis());
        out.put("clientCpuPercent", window.clientCpuPercent());
        return out;
    }

    // ---- formatting ------------------------------------------------------------------------------------------

    private static String drops(Window window) {
        if (window.drops().isEmpty()) {
            return "0";
        }
        return f0(window.dropsPerSecond()) + " (" + String.join(",", window.drops().keySet()) + ")";
    }

    static String f0(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    static String f1(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String gc(Window window) {
        return window.serverGcCount() + " (" + window.serverGcMillis() + " ms)";
    }

    private static String cpu(Window window) {
        return pct(window.serverCpuPercent()) + " (sys " + pct(window.serverSystemShare()) + ")";
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }
}
