package org.hakoniwa.bridge.pdu.subscription;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStore;

/**
 * The default {@link SubscriptionStore}: two maps of immutable sets (topic → readers, client → topics).
 *
 * <p>Reads take no lock and never copy: a publish gets the current immutable set of readers. Changes, which
 * come from declares and disconnects and are far rarer than publishes, are serialised on one lock so that the
 * two indexes always agree once a change returns.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {
    private final Map<PduKey, Set<ClientId>> readers = new ConcurrentHashMap<>();
    private final Map<ClientId, Set<PduKey>> topics = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    // guarded by writeLock (written only under it; read freely)
    private volatile int subscriptions;

    @Override
    public boolean add(PduKey key, ClientId client) {
        requireNonNull(key, "key is null");
        requireNonNull(client, "client is null");
        synchronized (writeLock) {
            Set<ClientId> current = readers.getOrDefault(key, Set.of());
            if (current.contains(client)) {
                return false;
            }
            readers.put(key, with(current, client));
            topics.put(client, with(topics.getOrDefault(client, Set.of()), key));
            subscriptions++;
            return true;
        }
    }

    @Override
    public boolean remove(PduKey key, ClientId client) {
        requireNonNull(key, "key is null");
        requireNonNull(client, "client is null");
        synchronized (writeLock) {
            Set<ClientId> current = readers.get(key);
            if (current == null || !current.contains(client)) {
                return false;
            }
            replace(readers, key, without(current, client));
            replace(topics, client, without(topics.getOrDefault(client, Set.of()), key));
            subscriptions--;
            return true;
        }
    }

    @Override
    public boolean contains(PduKey key, ClientId client) {
        return readers.getOrDefault(key, Set.of()).contains(client);
    }

    @Override
    public Set<ClientId> subscribers(PduKey key) {
        return readers.getOrDefault(key, Set.of());
    }

    @Override
    public Set<PduKey> keysOf(ClientId client) {
        return topics.getOrDefault(client, Set.of());
    }

    @Override
    public Set<PduKey> removeClient(ClientId client) {
        requireNonNull(client, "client is null");
        synchronized (writeLock) {
            Set<PduKey> left = topics.remove(client);
            if (left == null) {
                return Set.of();
            }
            for (PduKey key : left) {
                replace(readers, key, without(readers.getOrDefault(key, Set.of()), client));
            }
            subscriptions -= left.size();
            return left;
        }
    }

    @Override
    public int topicCount() {
        return readers.size();
    }

    @Override
    public int subscriptionCount() {
        return subscriptions;
    }

    @Override
    public int clientCount() {
        return topics.size();
    }

    private static <K, V> void replace(Map<K, Set<V>> map, K key, Set<V> value) {
        if (value.isEmpty()) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static <T> Set<T> with(Set<T> set, T element) {
        Set<T> copy = new HashSet<>(set);
        copy.add(element);
        return Set.copyOf(copy);
    }

    private static <T> Set<T> without(Set<T> set, T element) {
        Set<T> copy = new HashSet<>(set);
        copy.remove(element);
        return Set.copyOf(copy);
    }
}
