package org.hakoniwa.bridge.bench.harness;

import java.util.Locale;
import org.hakoniwa.bridge.bench.common.BenchBodies;

/** Human-readable sizes for the table. */
final class Sizes {
    private Sizes() {
    }

    /** A body size: {@code 72 B}, {@code 1 KiB}, {@code 64 KiB}, {@code 1 MiB-304}. */
    static String body(int bytes) {
        if (bytes == BenchBodies.LARGEST) {
            return "1MiB-304";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "KiB";
        }
        return bytes + "B";
    }

    /** Bytes in KiB or MiB with one decimal. */
    static String bytes(double bytes) {
        if (Math.abs(bytes) >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1fMiB", bytes / (1 << 20));
        }
        return String.format(Locale.ROOT, "%.1fKiB", bytes / 1024);
    }
}
