package org.hakoniwa.bridge.pdu.endpoint;

import org.hakoniwa.bridge.spi.ClientId;
import org.slf4j.MDC;

/**
 * Puts a client id into the slf4j MDC under {@code client_id} for the span of a callback, restoring whatever was
 * there before. Log lines about a client also name it in the message; the MDC lets appenders index it.
 */
public final class ClientMdc implements AutoCloseable {
    public static final String KEY = "client_id";

    private final String previous;

    private ClientMdc(String previous) {
        this.previous = previous;
    }

    public static ClientMdc scope(ClientId client) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, client.value());
        return new ClientMdc(previous);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
