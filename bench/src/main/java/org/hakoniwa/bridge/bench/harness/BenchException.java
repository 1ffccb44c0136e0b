package org.hakoniwa.bridge.bench.harness;

/** The benchmark cannot go on: a server did not start or answer, clients could not connect. Says what to check. */
public final class BenchException extends Exception {
    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
