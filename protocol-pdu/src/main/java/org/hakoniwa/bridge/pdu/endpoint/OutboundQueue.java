package org.hakoniwa.bridge.pdu.endpoint;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.DataLane;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.backpressure.DropReason;
import org.hakoniwa.bridge.spi.backpressure.QueuedFrame;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.SendCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's outbound queue: a control lane (never dropped, sent first) and a data lane governed by a
 * {@link BackpressurePolicy}, drained by one sender with at most one message in flight.
 *
 * <p>Offering never waits on the network: it only changes the lanes. {@link #pump()} hands the next message to
 * the transport's asynchronous send; the send's completion pumps the next one, on whichever thread completes it.
 * So one client's messages leave in the order they were accepted, and a client that stops reading only fills
 * its own lanes.
 */
public final class OutboundQueue {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);
    /**
     * A slow spell ends when the data lane is empty and this many frames in a row have been sent without a drop:
     * under latest-wins the lane of a client that is still too slow empties after every send, so emptiness alone
     * would end and restart the spell all the time.
     */
    static final int CAUGHT_UP_AFTER = 16;

    private final ClientId client;
    private final Connection connection;
    private final QueueLimits limits;
    private final SendGuard guard;
    private final QueueListener listener;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a frame leaves the lanes or the queue closes. */
    private final Condition changed = lock.newCondition();
    private final LaneView lane = new LaneView();
    // Everything below is guarded by lock.
    private final ArrayDeque<OutboundFrame> control = new ArrayDeque<>();
    private final ArrayDeque<Slot> data = new ArrayDeque<>();
    private final Map<PduKey, Slot> newestByKey = new HashMap<>();
    private final long[] drops = new long[DropReason.values().length];
    private long dataBytes;
    private long controlBytes;
    private boolean inFlight;
    private boolean closed;
    private int highWaterFrames;
    private long highWaterBytes;
    private long sentFrames;
    private long sentBytes;
    private boolean slow;
    private long spellDrops;
    private long slowSpells;
    private int sendsSinceDrop;

    OutboundQueue(ClientId client, Connection connection, QueueLimits limits, SendGuard guard,
            QueueListener listener) {
        this.client = requireNonNull(client, "client is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.guard = requireNonNull(guard, "guard is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    public ClientId client() {
        return client;
    }

    /**
     * Queues a control frame (RPC reply, acknowledgement). Control frames are never dropped: when the control
     * lane is full the client is disconnected instead, and this returns false.
     */
    public boolean offerControl(OutboundFrame frame) {
        if (tooLarge(frame)) {
            return false;
        }
        int waiting;
        lock.lock();
        try {
            if (closed) {
                drops[DropReason.CLOSED.ordinal()]++;
                return false;
            }
            waiting = control.size();
            if (waiting < limits.maxControlFrames()) {
                control.addLast(frame);
                controlBytes += frame.size();
                noteHighWater();
                return true;
            }
        } finally {
            lock.unlock();
        }
        listener.onControlOverflow(client, waiting);
        return false;
    }

    /**
     * Offers a data frame without waiting. {@link Decision#WAIT} is returned as is (nothing recorded): the caller
     * either follows up with {@link #offerDataWaiting} or counts it with {@link #rejectWaiting}.
     */
    public Decision tryOfferData(OutboundFrame frame, BackpressurePolicy policy) {
        if (tooLarge(frame)) {
            return Decision.REJECTED;
        }
        lock.lock();
        try {
            return offerLocked(frame, policy);
        } finally {
            lock.unlock();
        }
    }

    /** Offers a data frame from a thread that must not wait (a network thread): WAIT counts as a full queue. */
    public Decision offerDataNow(OutboundFrame frame, BackpressurePolicy policy) {
        Decision decision = tryOfferData(frame, policy);
        if (decision == Decision.WAIT) {
            rejectWaiting();
            return Decision.REJECTED;
        }
        return decision;
    }

    /** Counts a frame whose offer returned WAIT and whose publisher will not wait. */
    public void rejectWaiting() {
        lock.lock();
        try {
            recordDrop(DropReason.QUEUE_FULL);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Offers a data frame and, when the policy answers WAIT, waits up to {@link BackpressurePolicy#maxWait()} for
     * room. Only for the publisher's own thread, never a network thread.
     */
    public Decision offerDataWaiting(OutboundFrame frame, BackpressurePolicy policy) {
        Decision decision = tryOfferData(frame, policy);
        if (decision != Decision.WAIT) {
            return decision;
        }
        pump();
        long remaining = policy.maxWait().toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    drops[DropReason.CLOSED.ordinal()]++;
                    return Decision.REJECTED;
                }
                if (remaining <= 0) {
                    recordDrop(DropReason.BLOCK_TIMEOUT);
                    return Decision.REJECTED;
                }
                try {
                    remaining = changed.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    recordDrop(DropReason.BLOCK_TIMEOUT);
                    return Decision.REJECTED;
                }
                decision = offerLocked(frame, policy);
                if (decision != Decision.WAIT) {
                    return decision;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Decision offerLocked(OutboundFrame frame, BackpressurePolicy policy) {
        if (closed) {
            drops[DropReason.CLOSED.ordinal()]++;
            return Decision.REJECTED;
        }
        Decision decision = policy.offer(lane, frame);
        if (decision == null) {
            throw new IllegalStateException("backpressure policy " + policy.getClass().getName() + " returned null");
        }
        if (decision == Decision.REJECTED) {
            recordDrop(DropReason.QUEUE_FULL);
        } else if (decision != Decision.WAIT) {
            noteHighWater();
        }
        return decision;
    }

    private boolean tooLarge(OutboundFrame frame) {
        if (frame.size() <= limits.maxMessageBytes()) {
            return false;
        }
        lock.lock();
        try {
            drops[DropReason.TOO_LARGE.ordinal()]++;
        } finally {
            lock.unlock();
        }
        try (ClientMdc ignored = ClientMdc.scope(client)) {
            LOG.warn("client {}: not sending a message of {} bytes, over the limit of {} bytes", client,
                    frame.size(), limits.maxMessageBytes());
        }
        return true;
    }

    /** Hands queued frames to the transport, one at a time, until the lanes are empty or a send is pending. */
    public void pump() {
        while (true) {
            Completion completion;
            lock.lock();
            try {
                if (inFlight || closed) {
                    return;
                }
                OutboundFrame next = pollNext();
                if (next == null) {
                    return;
                }
                inFlight = true;
                completion = new Completion(next);
            } finally {
                lock.unlock();
            }
            connection.sendBinary(completion.frame.bytes().duplicate(), completion);
            lock.lock();
            try {
                if (!completion.completed) {
                    // Asynchronous: the completion continues pumping.
                    completion.pumpReturned = true;
                    return;
                }
                if (completion.failed) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private OutboundFrame pollNext() {
        OutboundFrame next = control.pollFirst();
        if (next != null) {
            controlBytes -= next.size();
            changed.signalAll();
            return next;
        }
        Slot slot;
        while ((slot = data.pollFirst()) != null) {
            next = slot.frame;
            forget(slot);
            changed.signalAll();
            if (next.guarded() && !guard.stillWanted(client, next.key())) {
                drops[DropReason.UNSUBSCRIBED.ordinal()]++;
                continue;
            }
            return next;
        }
        return null;
    }

    private void forget(Slot slot) {
        dataBytes -= slot.frame.size();
        PduKey key = slot.frame.key();
        if (key != null && newestByKey.get(key) == slot) {
            newestByKey.remove(key);
        }
    }

    private void noteHighWater() {
        int frames = data.size() + control.size();
        long bytes = dataBytes + controlBytes;
        if (frames > highWaterFrames) {
            highWaterFrames = frames;
        }
        if (bytes > highWaterBytes) {
            highWaterBytes = bytes;
        }
    }

    private void recordDrop(DropReason reason) {
        drops[reason.ordinal()]++;
        spellDrops++;
        sendsSinceDrop = 0;
        if (!slow) {
            slow = true;
            slowSpells++;
            try (ClientMdc ignored = ClientMdc.scope(client)) {
                LOG.warn("client {} is slow: it cannot keep up with what it reads, so frames are dropped ({} first;"
                        + " {} frames, {} bytes waiting of {} frames, {} bytes allowed) until it catches up", client,
                        reason, data.size(), dataBytes, limits.maxDataFrames(), limits.maxDataBytes());
            }
        }
    }

    /** True when nothing waits and nothing is in flight. */
    public boolean isIdle() {
        lock.lock();
        try {
            return !inFlight && control.isEmpty() && data.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the queue is idle or closed, or {@code timeoutNanos} passed. Returns whether it is idle. */
    public boolean awaitIdle(long timeoutNanos) throws InterruptedException {
        long remaining = timeoutNanos;
        lock.lock();
        try {
            while (!closed && (inFlight || !control.isEmpty() || !data.isEmpty())) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return !closed || (control.isEmpty() && data.isEmpty());
        } finally {
            lock.unlock();
        }
    }

    /** Drops whatever waits (counted as CLOSED) and refuses further frames. Idempotent. */
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Marks the queue closed and drops whatever waits, counted as CLOSED. Call with the lock held. */
    private void closeLocked() {
        closed = true;
        drops[DropReason.CLOSED.ordinal()] += control.size() + data.size();
        control.clear();
        data.clear();
        newestByKey.clear();
        dataBytes = 0;
        controlBytes = 0;
        changed.signalAll();
    }

    public QueueStats stats() {
        lock.lock();
        try {
            Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
            for (DropReason reason : DropReason.values()) {
                if (drops[reason.ordinal()] > 0) {
                    dropped.put(reason, drops[reason.ordinal()]);
                }
            }
            return new QueueStats(client, data.size(), dataBytes, control.size(), highWaterFrames, highWaterBytes,
                    sentFrames, sentBytes, dropped, slow, slowSpells);
        } finally {
            lock.unlock();
        }
    }

    /** A data lane entry; its frame is replaced in place under latest-wins. */
    private static final class Slot {
        private OutboundFrame frame;

        private Slot(OutboundFrame frame) {
            this.frame = frame;
        }
    }

    /** The data lane as a policy sees it; every method runs with {@code lock} held by offerLocked. */
    private final class LaneView implements DataLane {
        @Override
        public int frames() {
            return data.size();
        }

        @Override
        public long bytes() {
            return dataBytes;
        }

        @Override
        public int maxFrames() {
            return limits.maxDataFrames();
        }

        @Override
        public long maxBytes() {
            return limits.maxDataBytes();
        }

        @Override
        public void append(QueuedFrame frame) {
            OutboundFrame outbound = own(frame);
            Slot slot = new Slot(outbound);
            data.addLast(slot);
            dataBytes += outbound.size();
            if (outbound.key() != null) {
                newestByKey.put(outbound.key(), slot);
            }
        }

        @Override
        public boolean evictOldest() {
            Slot oldest = data.pollFirst();
            if (oldest == null) {
                return false;
            }
            forget(oldest);
            recordDrop(DropReason.EVICTED);
            return true;
        }

        @Override
        public QueuedFrame waiting(PduKey key) {
            Slot slot = key == null ? null : newestByKey.get(key);
            return slot == null ? null : slot.frame;
        }

        @Override
        public void replace(QueuedFrame waiting, QueuedFrame newer) {
            OutboundFrame replacement = own(newer);
            Slot slot = waiting == null || waiting.key() == null ? null : newestByKey.get(waiting.key());
            if (slot == null || slot.frame != waiting) {
                throw new IllegalArgumentException("the frame to replace is not waiting in this lane");
            }
            if (!waiting.key().equals(replacement.key())) {
                throw new IllegalArgumentException("a frame can only be replaced by one of the same topic");
            }
            dataBytes += replacement.size() - slot.frame.size();
            slot.frame = replacement;
            recordDrop(DropReason.SUPERSEDED);
        }

        private OutboundFrame own(QueuedFrame frame) {
            if (frame instanceof OutboundFrame outbound) {
                return outbound;
            }
            throw new IllegalArgumentException("a policy may only queue the frame it was offered");
        }
    }

    /** Completion of one send; continues the pump when the send completed asynchronously. */
    private final class Completion implements SendCallback {
        private final OutboundFrame frame;
        // guarded by lock
        private boolean completed;
        private boolean failed;
        private boolean pumpReturned;

        private Completion(OutboundFrame frame) {
            this.frame = frame;
        }

        @Override
        public void succeeded() {
            boolean resume;
            long spellEnded = -1;
            lock.lock();
            try {
                completed = true;
                inFlight = false;
                sentFrames++;
                sentBytes += frame.size();
                sendsSinceDrop++;
                if (slow && data.isEmpty() && sendsSinceDrop >= CAUGHT_UP_AFTER) {
                    slow = false;
                    spellEnded = spellDrops;
                    spellDrops = 0;
                }
                changed.signalAll();
                resume = pumpReturned;
            } finally {
                lock.unlock();
            }
            if (spellEnded >= 0) {
                try (ClientMdc ignored = ClientMdc.scope(client)) {
                    LOG.info("client {} caught up; {} frames were dropped during its slow spell", client, spellEnded);
                }
                listener.onSlowSpellEnded(client, spellEnded);
            }
            if (resume) {
                pump();
            }
        }

        @Override
        public void failed(Throwable cause) {
            lock.lock();
            try {
                completed = true;
                failed = true;
                inFlight = false;
                drops[DropReason.CLOSED.ordinal()]++;
                closeLocked();
            } finally {
                lock.unlock();
            }
            listener.onSendFailure(client, cause);
        }
    }

    @Override
    public String toString() {
        return "OutboundQueue[" + client + "]";
    }
}
