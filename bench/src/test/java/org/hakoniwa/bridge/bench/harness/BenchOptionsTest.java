package org.hakoniwa.bridge.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    private static final Path OUT = Path.of("/tmp/bench-out");

    @Test
    void parse_nothing_runsEveryScenarioAtTheIssuesClientCounts() {
        BenchOptions options = BenchOptions.parse(List.of(), OUT);
        assertEquals(List.of(Scenario.values()), List.copyOf(options.scenarios()));
        assertEquals(List.of(1, 2, 10, 50), options.clients());
        assertEquals(List.of(72, 1024, 65536, 1_048_272), options.sizes());
        assertEquals("latest-wins", options.policy());
        assertEquals(Timing.FULL, options.timing());
    }

    @Test
    void parse_quickAndOverrides_adjustTheQuickTiming() {
        BenchOptions options = BenchOptions.parse(List.of("--measure", "2s", "--quick", "--scenarios",
                "rpc,fanout", "--sizes", "72,max"), OUT);
        assertEquals(List.of(Scenario.FANOUT, Scenario.RPC), List.copyOf(options.scenarios()));
        assertEquals(Duration.ofSeconds(2), options.timing().measure());
        assertEquals(Timing.QUICK.warmup(), options.timing().warmup());
        assertEquals(List.of(72, 1_048_272), options.sizes());
    }

    @Test
    void parse_bodyOverTheFrameLimit_saysWhy() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--sizes", "1048576"), OUT));
        assertTrue(error.getMessage().contains("1 MiB less the 304-byte header"), error.getMessage());
    }

    @Test
    void parse_unknownScenario_namesTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--scenarios", "soak"), OUT));
        assertEquals("unknown scenario soak (known: fanout, latency, rpc, isolation, memory, codec)",
                error.getMessage());
    }
}
