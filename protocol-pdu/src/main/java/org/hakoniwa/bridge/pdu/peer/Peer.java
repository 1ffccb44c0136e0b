package org.hakoniwa.bridge.pdu.peer;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;

/**
 * What the protocol knows about one connected client: the frame form it speaks, whether it opted into the
 * bridge's extension, what it declared, and per-topic policy choices. Thread-safe.
 */
public final class Peer {
    private static final int MAX_REMEMBERED_WARNINGS = 64;

    private final ClientId id;
    private final Set<PduKey> declaredWrites = ConcurrentHashMap.newKeySet();
    private final Map<PduKey, BackpressurePolicy> policies = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder malformedIn = new LongAdder();
    private volatile FrameForm form;
    private volatile boolean extensionEnabled;
    private volatile boolean declaredRead;

    Peer(ClientId id) {
        this.id = requireNonNull(id, "id is null");
    }

    public ClientId id() {
        return id;
    }

    /** The form to send to this client: the one it spoke first, or v2-304 while it has said nothing. */
    public FrameForm replyForm() {
        FrameForm learned = form;
        return learned == null ? FrameForm.V2_304 : learned;
    }

    /** The form the client spoke first, or null while it has sent no valid frame. */
    public FrameForm learnedForm() {
        return form;
    }

    /** Records the form of a valid frame; the first one decides. Returns true when this one decided. */
    public boolean learnForm(FrameForm spoken) {
        if (form == null) {
            synchronized (this) {
                if (form == null) {
                    form = spoken;
                    return true;
                }
            }
        }
        return false;
    }

    public boolean extensionEnabled() {
        return extensionEnabled;
    }

    /** The client sent an extension frame: from now on it may be sent extension frames too. */
    public void enableExtension() {
        extensionEnabled = true;
    }

    public boolean declaredRead() {
        return declaredRead;
    }

    public void markDeclaredRead() {
        declaredRead = true;
    }

    public void declareWrite(PduKey key) {
        declaredWrites.add(key);
    }

    public Set<PduKey> declaredWrites() {
        return Set.copyOf(declaredWrites);
    }

    /** The policy this client chose for {@code key}, or null for the server's. */
    public BackpressurePolicy policyFor(PduKey key) {
        return policies.isEmpty() ? null : policies.get(key);
    }

    public void choosePolicy(PduKey key, BackpressurePolicy policy) {
        if (policy == null) {
            policies.remove(key);
        } else {
            policies.put(key, policy);
        }
    }

    public void countFrame() {
        framesIn.increment();
    }

    public void countMalformed() {
        malformedIn.increment();
    }

    public long framesIn() {
        return framesIn.sum();
    }

    public long malformedIn() {
        return malformedIn.sum();
    }

    /**
     * True the first time a given warning is raised for this client, so that a client repeating the same mistake
     * is logged loudly once. Remembers a bounded number of warnings.
     */
    public boolean firstWarning(String warning) {
        if (warned.size() >= MAX_REMEMBERED_WARNINGS) {
            return false;
        }
        return warned.add(warning);
    }
}
