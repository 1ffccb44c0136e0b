package org.hakoniwa.bridge.pdu.endpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hakoniwa.bridge.pdu.backpressure.BlockPolicy;
import org.hakoniwa.bridge.pdu.backpressure.DropNewestPolicy;
import org.hakoniwa.bridge.pdu.backpressure.DropOldestPolicy;
import org.hakoniwa.bridge.pdu.backpressure.LatestWinsPolicy;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;
import org.hakoniwa.bridge.spi.backpressure.Decision;
import org.hakoniwa.bridge.spi.backpressure.DropReason;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {
    private static final ClientId CLIENT = new ClientId("ws999999");
    private static final PduKey A = new PduKey("drone1", 0);
    private static final PduKey B = new PduKey("drone2", 0);

    private final FakeConnection connection = new FakeConnection();
    private final List<String> events = new ArrayList<>();
    private final QueueListener listener = new QueueListener() {
        @Override
        public void onControlOverflow(ClientId client, int waiting) {
            events.add("overflow " + waiting);
        }

        @Override
        public void onSendFailure(ClientId client, Throwable cause) {
            events.add("failure " + cause.getMessage());
        }

        @Override
        public void onSlowSpellEnded(ClientId client, long dropped) {
            events.add("caught up after " + dropped);
        }
    };

    private OutboundQueue queue(int depth) {
        return queue(depth, SendGuard.ALWAYS);
    }

    private OutboundQueue queue(int depth, SendGuard guard) {
        return new OutboundQueue(CLIENT, connection, new QueueLimits(depth, 1 << 20, 3, 1000), guard, listener);
    }

    private static OutboundFrame data(PduKey key, String text) {
        return new OutboundFrame(key, ByteBuffer.wrap(text.getBytes(UTF_8)), key != null);
    }

    private static OutboundFrame control(String text) {
        return OutboundFrame.raw(ByteBuffer.wrap(text.getBytes(UTF_8)));
    }

    @Test
    void pump_keepsOneMessageInFlight_andSendsInOrder() {
        OutboundQueue queue = queue(10);
        for (int i = 0; i < 5; i++) {
            queue.tryOfferData(data(null, "m" + i), new DropNewestPolicy());
        }
        queue.pump();
        assertEquals(List.of("m0"), connection.sentTexts());
        connection.completeAll();
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), connection.sentTexts());
        assertEquals(1, connection.maxInFlightSeen);
        assertEquals(5, queue.stats().sentFrames());
    }

    @Test
    void synchronousCompletions_drainADeepQueueWithoutRecursion() {
        connection.synchronous = true;
        OutboundQueue queue = new OutboundQueue(CLIENT, connection, new QueueLimits(200_000, 1L << 30, 3, 1000),
                SendGuard.ALWAYS, listener);
        for (int i = 0; i < 100_000; i++) {
            queue.tryOfferData(data(null, "x"), new DropNewestPolicy());
        }
        queue.pump();
        assertEquals(100_000, connection.sent.size());
        assertTrue(queue.isIdle());
    }

    @Test
    void controlFrames_jumpAheadOfWaitingData() {
        OutboundQueue queue = queue(10);
        queue.tryOfferData(data(A, "d1"), new LatestWinsPolicy());
        queue.pump();
        queue.tryOfferData(data(B, "d2"), new LatestWinsPolicy());
        queue.offerControl(control("reply"));
        connection.completeAll();
        assertEquals(List.of("d1", "reply", "d2"), connection.sentTexts());
    }

    @Test
    void latestWins_replacesTheWaitingFrameInPlace() {
        OutboundQueue queue = queue(10);
        BackpressurePolicy policy = new LatestWinsPolicy();
        queue.tryOfferData(data(A, "a1"), policy);
        queue.pump();
        queue.tryOfferData(data(A, "a2"), policy);
        queue.tryOfferData(data(B, "b1"), policy);
        assertEquals(Decision.REPLACED, queue.tryOfferData(data(A, "a3"), policy));
        connection.completeAll();
        assertEquals(List.of("a1", "a3", "b1"), connection.sentTexts());
        assertEquals(1, queue.stats().dropped(DropReason.SUPERSEDED));
    }

    @Test
    void latestWins_fullOfDistinctTopics_evictsTheOldest() {
        OutboundQueue queue = queue(2);
        BackpressurePolicy policy = new LatestWinsPolicy();
        queue.tryOfferData(data(new PduKey("r", 1), "1"), policy);
        queue.tryOfferData(data(new PduKey("r", 2), "2"), policy);
        assertEquals(Decision.ACCEPTED, queue.tryOfferData(data(new PduKey("r", 3), "3"), policy));
        queue.pump();
        connection.completeAll();
        assertEquals(List.of("2", "3"), connection.sentTexts());
        assertEquals(1, queue.stats().dropped(DropReason.EVICTED));
    }

    @Test
    void dropNewest_fullQueue_refusesTheNewFrame() {
        OutboundQueue queue = queue(2);
        queue.tryOfferData(data(A, "1"), new DropNewestPolicy());
        queue.tryOfferData(data(A, "2"), new DropNewestPolicy());
        assertEquals(Decision.REJECTED, queue.tryOfferData(data(A, "3"), new DropNewestPolicy()));
        queue.pump();
        connection.completeAll();
        assertEquals(List.of("1", "2"), connection.sentTexts());
        assertEquals(1, queue.stats().dropped(DropReason.QUEUE_FULL));
    }

    @Test
    void dropOldest_fullQueue_evictsTheOldestFrame() {
        OutboundQueue queue = queue(2);
        queue.tryOfferData(data(A, "1"), new DropOldestPolicy());
        queue.tryOfferData(data(A, "2"), new DropOldestPolicy());
        assertEquals(Decision.ACCEPTED, queue.tryOfferData(data(A, "3"), new DropOldestPolicy()));
        queue.pump();
        connection.completeAll();
        assertEquals(List.of("2", "3"), connection.sentTexts());
    }

    @Test
    void block_publisherWaitsForRoom_andNothingIsLost() throws Exception {
        OutboundQueue queue = queue(1);
        BackpressurePolicy policy = new BlockPolicy(Duration.ofSeconds(10));
        queue.tryOfferData(data(A, "1"), policy);
        queue.pump();
        queue.tryOfferData(data(A, "2"), policy);
        CompletableFuture<Decision> third = CompletableFuture.supplyAsync(() -> queue.offerDataWaiting(data(A, "3"), policy));
        assertFalse(third.isDone());
        connection.completeOne();
        assertEquals(Decision.ACCEPTED, third.get(10, TimeUnit.SECONDS));
        connection.completeAll();
        assertEquals(List.of("1", "2", "3"), connection.sentTexts());
        assertEquals(0, queue.stats().droppedTotal());
    }

    @Test
    void block_noRoomWithinTimeout_dropsAndCounts() {
        OutboundQueue queue = queue(1);
        BackpressurePolicy policy = new BlockPolicy(Duration.ofMillis(20));
        queue.tryOfferData(data(A, "1"), policy);
        queue.pump();
        queue.tryOfferData(data(A, "2"), policy);
        assertEquals(Decision.REJECTED, queue.offerDataWaiting(data(A, "3"), policy));
        assertEquals(1, queue.stats().dropped(DropReason.BLOCK_TIMEOUT));
    }

    @Test
    void block_fromANetworkThread_neverWaits() {
        OutboundQueue queue = queue(1);
        BackpressurePolicy policy = new BlockPolicy(Duration.ofHours(1));
        queue.tryOfferData(data(A, "1"), policy);
        assertEquals(Decision.REJECTED, queue.offerDataNow(data(A, "2"), policy));
        assertEquals(1, queue.stats().dropped(DropReason.QUEUE_FULL));
    }

    @Test
    void guardedFrame_forATopicNoLongerRead_isDroppedAtSendTime() {
        AtomicInteger wanted = new AtomicInteger(1);
        OutboundQueue queue = queue(10, (client, key) -> wanted.get() == 1);
        queue.tryOfferData(data(A, "first"), new LatestWinsPolicy());
        queue.pump();
        queue.tryOfferData(data(B, "second"), new LatestWinsPolicy());
        wanted.set(0);
        connection.completeAll();
        assertEquals(List.of("first"), connection.sentTexts());
        assertEquals(1, queue.stats().dropped(DropReason.UNSUBSCRIBED));
    }

    @Test
    void controlLaneOverflow_refusesAndTellsTheOwner() {
        OutboundQueue queue = queue(10);
        for (int i = 0; i < 3; i++) {
            assertTrue(queue.offerControl(control("r" + i)));
        }
        assertFalse(queue.offerControl(control("r3")));
        assertEquals(List.of("overflow 3"), events);
    }

    @Test
    void oversizeFrame_isRefusedNotTruncated() {
        OutboundQueue queue = queue(10);
        OutboundFrame huge = OutboundFrame.raw(ByteBuffer.allocate(1001));
        assertEquals(Decision.REJECTED, queue.tryOfferData(huge, new LatestWinsPolicy()));
        assertFalse(queue.offerControl(huge));
        assertEquals(2, queue.stats().dropped(DropReason.TOO_LARGE));
        queue.pump();
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void slowSpell_endsOnlyAfterTheClientKeptUpForAWhile_withTheCountDropped() {
        OutboundQueue queue = queue(1);
        queue.tryOfferData(data(A, "1"), new DropNewestPolicy());
        queue.pump();
        queue.tryOfferData(data(A, "2"), new DropNewestPolicy());
        queue.tryOfferData(data(A, "3"), new DropNewestPolicy());
        queue.tryOfferData(data(A, "4"), new DropNewestPolicy());
        assertTrue(queue.stats().slow());
        connection.completeAll();
        assertTrue(queue.stats().slow(), "an empty lane right after dropping is not catching up");
        for (int i = 0; i < OutboundQueue.CAUGHT_UP_AFTER; i++) {
            queue.tryOfferData(data(A, "k" + i), new DropNewestPolicy());
            queue.pump();
            connection.completeAll();
        }
        assertFalse(queue.stats().slow());
        assertEquals(List.of("caught up after 2"), events);
        assertEquals(1, queue.stats().slowSpells());
    }

    @Test
    void latestWins_aClientStillTooSlow_staysInOneSpell() {
        OutboundQueue queue = queue(8);
        BackpressurePolicy policy = new LatestWinsPolicy();
        queue.tryOfferData(data(A, "0"), policy);
        queue.pump();
        for (int i = 1; i <= 200; i++) {
            queue.tryOfferData(data(A, "a" + i), policy);
            queue.tryOfferData(data(A, "b" + i), policy);
            connection.completeOne();
        }
        assertEquals(1, queue.stats().slowSpells());
        assertTrue(events.isEmpty(), "the spell ended while the client was still losing frames: " + events);
    }

    @Test
    void highWaterMarks_andCurrentFigures() {
        OutboundQueue queue = queue(10);
        queue.tryOfferData(data(A, "12345"), new DropNewestPolicy());
        queue.tryOfferData(data(B, "123"), new DropNewestPolicy());
        queue.offerControl(control("12"));
        QueueStats stats = queue.stats();
        assertEquals(2, stats.dataFrames());
        assertEquals(8, stats.dataBytes());
        assertEquals(1, stats.controlFrames());
        assertEquals(3, stats.highWaterFrames());
        assertEquals(10, stats.highWaterBytes());
        queue.pump();
        connection.completeAll();
        assertEquals(0, queue.stats().dataFrames());
        assertEquals(3, queue.stats().highWaterFrames());
    }

    @Test
    void sendFailure_closesTheQueue_andReports() {
        OutboundQueue queue = queue(10);
        queue.tryOfferData(data(A, "1"), new DropNewestPolicy());
        queue.tryOfferData(data(B, "2"), new DropNewestPolicy());
        queue.pump();
        connection.failOne(new java.io.IOException("broken pipe"));
        assertEquals(List.of("failure broken pipe"), events);
        assertEquals(Decision.REJECTED, queue.tryOfferData(data(A, "3"), new DropNewestPolicy()));
        assertEquals(List.of("1"), connection.sentTexts());
    }

    @Test
    void close_dropsWhatWaits_andRefusesMore() {
        OutboundQueue queue = queue(10);
        queue.tryOfferData(data(A, "1"), new DropNewestPolicy());
        queue.offerControl(control("c"));
        queue.close();
        assertEquals(2, queue.stats().dropped(DropReason.CLOSED));
        assertFalse(queue.offerControl(control("late")));
        queue.pump();
        assertTrue(connection.sent.isEmpty());
    }
}
