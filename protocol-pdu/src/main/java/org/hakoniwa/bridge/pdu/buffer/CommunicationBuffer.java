package org.hakoniwa.bridge.pdu.buffer;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hakoniwa.bridge.pdu.config.PduDefinition;
import org.hakoniwa.bridge.spi.PduKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator-side store of PDUs written by clients: one value per (robot, channel), the latest wins. The
 * simulator reads it whenever it likes; reading never consumes a value.
 *
 * <p>The buffer is deliberately blind to who wrote what: it is keyed by topic only and never holds a client id,
 * so the simulator sees one world however many clients feed it. (An ArchUnit rule keeps it that way.)
 *
 * <p>Thread-safe: writes and reads may come from any thread.
 */
public final class CommunicationBuffer {
    private static final Logger LOG = LoggerFactory.getLogger(CommunicationBuffer.class);

    /** What became of a write. */
    public enum WriteOutcome {
        STORED, UNKNOWN_TOPIC
    }

    private final PduDefinition definition;
    private final boolean acceptUnknownTopics;
    private final Map<PduKey, PduSample> values = new ConcurrentHashMap<>();
    private final List<BufferWriteListener> listeners = new CopyOnWriteArrayList<>();

    public CommunicationBuffer(PduDefinition definition, boolean acceptUnknownTopics) {
        this.definition = requireNonNull(definition, "definition is null");
        this.acceptUnknownTopics = acceptUnknownTopics;
    }

    /**
     * Stores {@code body} as the latest value of {@code key} and tells the listeners. The buffer keeps the bytes:
     * the caller must not change them afterwards. A topic the PDU definition does not know is refused unless
     * unknown topics are accepted.
     */
    public WriteOutcome write(PduKey key, ByteBuffer body) {
        requireNonNull(key, "key is null");
        requireNonNull(body, "body is null");
        if (!acceptUnknownTopics && !definition.contains(key)) {
            return WriteOutcome.UNKNOWN_TOPIC;
        }
        PduSample sample = new PduSample(key, body, System.nanoTime());
        values.put(key, sample);
        for (BufferWriteListener listener : listeners) {
            try {
                listener.onWrite(sample);
            } catch (RuntimeException e) {
                LOG.error("a buffer write listener threw on {}; carrying on", key, e);
            }
        }
        return WriteOutcome.STORED;
    }

    /** The latest value of {@code key}, if any client wrote one. */
    public Optional<PduSample> read(PduKey key) {
        return Optional.ofNullable(values.get(key));
    }

    public void addListener(BufferWriteListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }
}
