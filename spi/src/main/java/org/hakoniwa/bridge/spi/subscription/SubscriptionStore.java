package org.hakoniwa.bridge.spi.subscription;

import java.util.Set;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * Which clients declared read on which PDU topics, with a reverse index (client → topics) so that removing
 * a client costs what it subscribed, not what the store holds.
 *
 * <p>Threading: every method may be called concurrently from any thread; each is atomic on its own. The
 * bridge serialises changes to one topic itself when it needs several calls to act as one (the last value
 * sent on declare), so implementations need no cross-call locking.
 *
 * <p>Sets returned are immutable snapshots: later changes do not show through, and callers may iterate them
 * freely. {@link #subscribers} sits on the publish path: implementations should return it without copying
 * (for example by swapping an immutable set on change).
 */
public interface SubscriptionStore {
    /** Adds {@code client} to {@code key}'s readers. Returns false when it already was one (idempotent). */
    boolean add(PduKey key, ClientId client);

    /** Removes {@code client} from {@code key}'s readers. Returns false when it was not one. */
    boolean remove(PduKey key, ClientId client);

    boolean contains(PduKey key, ClientId client);

    /** The readers of {@code key}; empty when none. */
    Set<ClientId> subscribers(PduKey key);

    /** The topics {@code client} reads; empty when none. */
    Set<PduKey> keysOf(ClientId client);

    /** Removes {@code client} from every topic and from the reverse index; returns the topics it left. */
    Set<PduKey> removeClient(ClientId client);

    /** Number of topics with at least one reader. */
    int topicCount();

    /** Number of (topic, client) pairs. */
    int subscriptionCount();

    /** Number of clients with at least one topic. */
    int clientCount();
}
