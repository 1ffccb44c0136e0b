package org.hakoniwa.bridge.pdu.topic;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.hakoniwa.bridge.pdu.buffer.PduSample;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.endpoint.ClientSession;
import org.hakoniwa.bridge.pdu.endpoint.OutboundFrame;
import org.hakoniwa.bridge.pdu.endpoint.OutboundQueue;
import org.hakoniwa.bridge.pdu.endpoint.SendGuard;
import org.hakoniwa.bridge.pdu.endpoint.WsEndpoint;
import org.hakoniwa.bridge.pdu.peer.Peer;
import org.hakoniwa.bridge.pdu.peer.PeerRegistry;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.subscription.SubscriptionStore;

/**
 * Delivers published PDUs to the clients that declared read on their topic, and nobody else.
 *
 * <p>Each topic has its own lock. A publish holds it while it records the topic's last value, takes the readers
 * and queues the frame for each; a declare holds it while it adds the reader and queues the last value. So a
 * publish racing with a declare reaches the new reader exactly once, after the last value: there is no gap and
 * no duplicate. Nothing under the lock waits on the network: queues are filled, and drained after the lock is
 * released. A publisher that must wait (the {@code block} policy) waits after releasing the lock too.
 *
 * <p>Each value is encoded once per frame form, whatever the number of readers.
 */
public final class TopicHub {
    private final WsEndpoint endpoint;
    private final SubscriptionStore store;
    private final PeerRegistry peers;
    private final FrameCodec codec;
    private final BackpressurePolicy defaultPolicy;
    private final TopicOptions options;
    private final LongSupplier simTimeUs;
    private final ScheduledExecutorService scheduler;
    private final Map<PduKey, Topic> topics = new ConcurrentHashMap<>();
    private final Map<ClientId, Map<PduKey, Lease>> leases = new ConcurrentHashMap<>();
    private volatile LapseListener lapseListener = (client, key) -> { };

    public TopicHub(WsEndpoint endpoint, SubscriptionStore store, PeerRegistry peers, FrameCodec codec,
            BackpressurePolicy defaultPolicy, TopicOptions options, LongSupplier simTimeUs,
            ScheduledExecutorService scheduler) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.store = requireNonNull(store, "store is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.defaultPolicy = requireNonNull(defaultPolicy, "defaultPolicy is null");
        this.options = requireNonNull(options, "options is null");
        this.simTimeUs = requireNonNull(simTimeUs, "simTimeUs is null");
    }

    /**
     * Publishes from the simulator's side: the topic's last value becomes {@code body} and every reader is sent
     * it. Under the {@code block} policy the calling thread may wait for a slow reader's room.
     *
     * @throws org.hakoniwa.bridge.pdu.codec.FrameEncodeException when the frame would be larger than the limit
     */
    public PublishReport publish(PduKey key, ByteBuffer body) {
        return fanOut(key, body, null, true);
    }

    /**
     * Publishes a client's write to the topic's readers (the relay option), from a network thread: never waits.
     * {@code writer} gets it back only if it declared read on the topic.
     */
    public PublishReport relay(PduKey key, ByteBuffer body, ClientId writer) {
        return fanOut(key, body, writer, false);
    }

    private PublishReport fanOut(PduKey key, ByteBuffer body, ClientId writer, boolean mayWait) {
        requireNonNull(key, "key is null");
        requireNonNull(body, "body is null");
        EncodedPdu pdu = EncodedPdu.encode(codec, key, body, simTimeUs.getAsLong(), System.currentTimeMillis() * 1000);
        Topic topic = topic(key);
        Delivery delivery = new Delivery();
        synchronized (topic) {
            topic.last = pdu;
            Set<ClientId> readers = store.subscribers(key);
            for (ClientId reader : readers) {
                delivery.offer(endpoint.find(reader), pdu, true);
            }
            if (options.broadcastToUndeclared()) {
                for (ClientSession session : endpoint.sessions()) {
                    Peer peer = peers.find(session.id());
                    if (peer != null && !peer.declaredRead() && !session.id().equals(writer)) {
                        delivery.offer(session, pdu, false);
                    }
                }
            }
        }
        return delivery.finish(mayWait);
    }

    /**
     * Adds {@code client} to the readers of {@code key} and, when it is new there and the topic has a last value,
     * queues that value for it first. Returns false when the client already read the topic (nothing is sent).
     */
    public boolean declareRead(ClientId client, PduKey key, boolean sendLastValue) {
        Topic topic = topic(key);
        Delivery delivery = new Delivery();
        boolean added;
        synchronized (topic) {
            added = store.add(key, client);
            if (added && sendLastValue && options.lastValueOnDeclare() && topic.last != null) {
                delivery.offer(endpoint.find(client), topic.last, true);
            }
        }
        Peer peer = peers.find(client);
        if (peer != null) {
            peer.markDeclaredRead();
        }
        if (!added) {
            renewLease(client, key);
        }
        delivery.finish(false);
        return added;
    }

    /** Removes {@code client} from the readers of {@code key}; frames already queued for it are not sent. */
    public boolean undeclareRead(ClientId client, PduKey key) {
        cancelLease(client, key);
        return removeReader(client, key);
    }

    /** Removes a reader under the topic's lock, so that a publish in progress either reaches it or does not. */
    private boolean removeReader(ClientId client, PduKey key) {
        Topic topic = topic(key);
        synchronized (topic) {
            return store.remove(key, client);
        }
    }

    /**
     * Gives {@code client}'s subscription to {@code key} a time to live: unless renewed (by declaring again) within
     * {@code ttl}, it lapses and the lapse listener is told. Zero removes the lease: the subscription lives as long as
     * the connection.
     */
    public void lease(ClientId client, PduKey key, Duration ttl) {
        cancelLease(client, key);
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        Lease lease = new Lease(ttl);
        leases.computeIfAbsent(client, c -> new ConcurrentHashMap<>()).put(key, lease);
        lease.schedule(() -> lapse(client, key, lease));
    }

    /** Renews {@code client}'s lease on {@code key}, if it has one; returns whether it had. */
    public boolean renewLease(ClientId client, PduKey key) {
        Map<PduKey, Lease> own = leases.get(client);
        Lease lease = own == null ? null : own.get(key);
        if (lease == null) {
            return false;
        }
        lease.schedule(() -> lapse(client, key, lease));
        return true;
    }

    private void cancelLease(ClientId client, PduKey key) {
        Map<PduKey, Lease> own = leases.get(client);
        Lease lease = own == null ? null : own.remove(key);
        if (lease != null) {
            lease.cancel();
        }
    }

    private void lapse(ClientId client, PduKey key, Lease lease) {
        Map<PduKey, Lease> own = leases.get(client);
        if (own == null || !own.remove(key, lease)) {
            return;
        }
        if (removeReader(client, key)) {
            lapseListener.lapsed(client, key);
        }
    }

    /** Told when a leased subscription lapsed unrenewed. */
    public void onLapse(LapseListener listener) {
        lapseListener = requireNonNull(listener, "listener is null");
    }

    /**
     * Sends {@code client} the newest value of {@code key}: the last published one or {@code buffered} (what a
     * client wrote), whichever is newer. Returns false when there is none. Reading consumes nothing.
     */
    public boolean requestRead(ClientId client, PduKey key, Optional<PduSample> buffered) {
        Topic topic = topics.get(key);
        EncodedPdu published;
        if (topic == null) {
            published = null;
        } else {
            synchronized (topic) {
                published = topic.last;
            }
        }
        EncodedPdu newest = published;
        if (buffered.isPresent() && (published == null || buffered.get().storedAtNanos() - published.storedAtNanos() > 0)) {
            newest = EncodedPdu.encode(codec, key, buffered.get().bodyView(), simTimeUs.getAsLong(),
                    System.currentTimeMillis() * 1000);
        }
        if (newest == null) {
            return false;
        }
        Delivery delivery = new Delivery();
        delivery.offer(endpoint.find(client), newest, false);
        delivery.finish(false);
        return delivery.accepted > 0;
    }

    /**
     * The check made right before a fan-out frame leaves: the client still reads the topic (or, with
     * broadcast-to-undeclared, still has declared nothing).
     */
    public SendGuard sendGuard() {
        return (client, key) -> {
            if (store.contains(key, client)) {
                return true;
            }
            if (!options.broadcastToUndeclared()) {
                return false;
            }
            Peer peer = peers.find(client);
            return peer != null && !peer.declaredRead();
        };
    }

    /** Forgets everything {@code client} read, leases included. */
    public Set<PduKey> removeClient(ClientId client) {
        Map<PduKey, Lease> own = leases.remove(client);
        if (own != null) {
            own.values().forEach(Lease::cancel);
        }
        return store.removeClient(client);
    }

    private Topic topic(PduKey key) {
        return topics.computeIfAbsent(key, k -> new Topic());
    }

    /** A subscription's time to live and the task that ends it. */
    private final class Lease {
        private final Duration ttl;
        private final Object lock = new Object();
        // guarded by lock
        private ScheduledFuture<?> task;

        private Lease(Duration ttl) {
            this.ttl = ttl;
        }

        void schedule(Runnable lapse) {
            synchronized (lock) {
                if (task != null) {
                    task.cancel(false);
                }
                task = scheduler.schedule(lapse, ttl.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        void cancel() {
            synchronized (lock) {
                if (task != null) {
                    task.cancel(false);
                }
            }
        }
    }

    /** A topic's lock (its monitor) and last value. */
    private static final class Topic {
        // guarded by this
        private EncodedPdu last;
    }

    /** Frames queued during one publish; queues are drained (and waited on) after the topic lock is released. */
    private final class Delivery {
        private final List<OutboundQueue> touched = new ArrayList<>();
        private List<Waiting> waiting;
        private int accepted;
        private int refused;

        void offer(ClientSession session, EncodedPdu pdu, boolean guarded) {
            if (session == null) {
                return;
            }
            ClientId client = session.id();
            Peer peer = peers.find(client);
            if (peer == null) {
                // Not yet admitted (it reads nothing) or already leaving (its queue is closed).
                return;
            }
            OutboundFrame frame = pdu.frame(codec, peer.replyForm(), guarded);
            BackpressurePolicy chosen = peer.policyFor(pdu.key());
            BackpressurePolicy policy = chosen == null ? defaultPolicy : chosen;
            Decision decision = session.queue().tryOfferData(frame, policy);
            touched.add(session.queue());
            if (decision == Decision.WAIT) {
                if (waiting == null) {
                    waiting = new ArrayList<>();
                }
                waiting.add(new Waiting(session.queue(), frame, policy));
            } else {
                count(decision);
            }
        }

        PublishReport finish(boolean mayWait) {
            for (OutboundQueue queue : touched) {
                queue.pump();
            }
            if (waiting != null) {
                for (Waiting w : waiting) {
                    if (mayWait) {
                        count(w.queue.offerDataWaiting(w.frame, w.policy));
                        w.queue.pump();
                    } else {
                        w.queue.rejectWaiting();
                        refused++;
                    }
                }
            }
            return accepted == 0 && refused == 0 ? PublishReport.NOBODY : new PublishReport(accepted, refused);
        }

        private void count(Decision decision) {
            if (decision == Decision.ACCEPTED || decision == Decision.REPLACED) {
                accepted++;
            } else {
                refused++;
            }
        }
    }

    private record Waiting(OutboundQueue queue, OutboundFrame frame, BackpressurePolicy policy) {
    }
}
