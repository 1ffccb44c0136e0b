package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.bench.codec.FrameCodecBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH codec benchmarks, run from the harness with its timing and the GC profiler; JMH's own log goes to
 * {@code bench-jmh.log} in the output folder. {@code java -jar hakoniwa-bench.jar jmh} runs them with JMH's full
 * command line instead.
 */
final class CodecScenario {
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    /**
     * One benchmark.
     *
     * @param operation decode or encode
     * @param form the frame form
     * @param bodyBytes the body size
     * @param nanosPerOp average time per operation
     * @param nanosError JMH's 99.9 % error of it
     * @param bytesPerOp bytes allocated per operation
     */
    record Row(String operation, String form, int bodyBytes, double nanosPerOp, double nanosError,
            double bytesPerOp) {
    }

    private final BenchOptions options;

    CodecScenario(BenchOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    List<Row> run() throws BenchException {
        Timing timing = options.timing();
        TimeValue iteration = TimeValue.milliseconds(timing.jmhIterationTime().toMillis());
        Options jmh = new OptionsBuilder()
                .include(FrameCodecBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(timing.jmhWarmupIterations())
                .warmupTime(iteration)
                .measurementIterations(timing.jmhIterations())
                .measurementTime(iteration)
                .timeUnit(TimeUnit.NANOSECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(options.outDir().resolve("bench-jmh.log").toString())
                .build();
        Collection<RunResult> results;
        try {
            Progress.say("codec: JMH, %d warm-up and %d measured iterations of %d ms per benchmark (log: %s)",
                    timing.jmhWarmupIterations(), timing.jmhIterations(), timing.jmhIterationTime().toMillis(),
                    options.outDir().resolve("bench-jmh.log"));
            results = new Runner(jmh).run();
        } catch (RunnerException e) {
            throw new BenchException("JMH failed: " + e.getMessage() + " (see bench-jmh.log)", e);
        }
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
            rows.add(new Row(operation, result.getParams().getParam("form"),
                    Integer.parseInt(result.getParams().getParam("bodyBytes")), primary.getScore(),
                    primary.getScoreError(), allocation == null ? Double.NaN : allocation.getScore()));
        }
        rows.sort(Comparator.comparing(Row::operation).thenComparing(Row::bodyBytes).thenComparing(Row::form));
        return rows;
    }
}
