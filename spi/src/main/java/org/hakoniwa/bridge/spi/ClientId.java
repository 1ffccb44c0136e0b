package org.hakoniwa.bridge.spi;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one WebSocket connection for as long as the process lives.
 *
 * <p>Server-side ids are {@code ws000001}, {@code ws000002}, … in connection order and are never reused
 * within a process. The id is the only handle the bridge uses for a client: log lines, subscriptions,
 * routes and queues all refer to it.
 */
public record ClientId(String value) implements Comparable<ClientId> {
    private static final String PREFIX = "ws";

    public ClientId {
        requireNonNull(value, "value is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("client id is blank");
        }
    }

    /** The id of the {@code sequence}-th connection of this process: {@code ws000001} for 1. */
    public static ClientId ofSequence(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
        }
        return new ClientId(String.format("%s%06d", PREFIX, sequence));
    }

    @Override
    public int compareTo(ClientId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
