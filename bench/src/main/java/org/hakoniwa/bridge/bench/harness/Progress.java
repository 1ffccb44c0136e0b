package org.hakoniwa.bridge.bench.harness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per step on standard error, so that a long run shows where it is; the results go to standard output. */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long START = System.nanoTime();

    private Progress() {
    }

    static void say(String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
        LOG.info(line);
        System.err.printf(java.util.Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - START) / 1e9, line);
    }
}
