package org.hakoniwa.bridge.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hakoniwa.bridge.bench.harness.Harness;

/**
 * {@code java -jar hakoniwa-bench.jar [options]} runs the load benchmark (see {@code --help});
 * {@code java -jar hakoniwa-bench.jar jmh [JMH options]} runs the JMH codec benchmarks through JMH's own command
 * line, with {@code -prof gc} unless another profiler is named.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            List<String> jmhArgs = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
            if (!jmhArgs.contains("-prof") && !jmhArgs.contains("-h") && !jmhArgs.contains("-l")) {
                jmhArgs.addAll(List.of("-prof", "gc"));
            }
            org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
            return;
        }
        Path codeSource = codeSource();
        Path outDir = Files.isRegularFile(codeSource) ? codeSource.getParent() : Path.of("bench", "target");
        Files.createDirectories(outDir);
        // Before any logger exists: the harness logs to a file, so that standard output holds only the results.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        if (System.getProperty("bench.log.file") == null) {
            System.setProperty("bench.log.file", outDir.resolve("bench-harness.log").toString());
        }
        Path classpath = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        System.exit(Harness.main(args, Files.isRegularFile(codeSource) ? codeSource : classpath, outDir));
    }

    private static Path codeSource() throws URISyntaxException {
        return Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
