package org.hakoniwa.bridge.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The bridge's configuration as a provider sees it: every {@code bridge.*} key, already validated and
 * merged from all sources. Keys are the full dotted names, e.g. {@code bridge.backpressure.queue-depth}.
 *
 * <p>The typed getters return the key's effective value (its default when nobody set it). A key that the
 * bridge does not define is read through {@link #raw(String)} only, so providers may read keys of their own.
 * Implementations are immutable and safe to share between threads.
 */
public interface ProviderConfig {
    /** The value as written by whoever set it last, or empty when nobody set it and it has no default. */
    Optional<String> raw(String key);

    String string(String key);

    int integer(String key);

    long longValue(String key);

    boolean bool(String key);

    /** Durations are written like {@code 20s}, {@code 100ms}, {@code 2m}. */
    Duration duration(String key);

    /** Sizes are written like {@code 1024}, {@code 64KiB}, {@code 16MiB}. */
    long bytes(String key);
}
