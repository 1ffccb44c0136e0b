package org.hakoniwa.bridge.sim.backpressure;

import static org.hakoniwa.bridge.sim.backpressure.IsolationTest.body;
import static org.hakoniwa.bridge.sim.backpressure.IsolationTest.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.endpoint.QueueStats;
import org.hakoniwa.bridge.rpc.header.RequestHeader;
import org.hakoniwa.bridge.rpc.header.RpcBodies;
import org.hakoniwa.bridge.rpc.header.RpcResultCode;
import org.hakoniwa.bridge.sim.testkit.AddTwoInts;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.hakoniwa.bridge.spi.backpressure.DropReason;
import org.junit.jupiter.api.Test;

/** What each policy does to a client that falls behind, and what it never does (delay replies, lose under block). */
class BackpressurePoliciesTest {
    private static final int PUBLISHES = 1500;

    private static QueueStats onlyClient(TestBridge test) {
        return test.bridge.stats().clients().get(0).queue();
    }

    @Test
    void latestWins_aStalledClientThatResumes_getsTheLatestValueOfEachTopic_notABacklog() throws Exception {
        try (TestBridge test = TestBridge.start("--set", "bridge.ping-interval=0");
                StalledClient client = StalledClient.connect(test.bridge.address().getPort())) {
            client.declare("drone1", 0);
            client.declare("drone2", 0);
            test.bridge.publish("drone2", "pos", body(0));
            assertEquals(0, sequence(client.read()));
            for (int i = 1; i <= PUBLISHES; i++) {
                test.bridge.publish(i % 2 == 0 ? "drone2" : "drone1", "pos", body(i));
            }
            QueueStats stalled = onlyClient(test);
            assertTrue(stalled.dropped(DropReason.SUPERSEDED) > 0, "the client never fell behind: " + stalled);
            assertTrue(stalled.dataFrames() <= 2, "more than one frame per topic waits: " + stalled.dataFrames());
            Map<String, Long> latest = new HashMap<>();
            int received = 0;
            while (latest.getOrDefault("drone1", 0L) != PUBLISHES - 1 || latest.getOrDefault("drone2", 0L) != PUBLISHES) {
                Frame frame = client.read();
                long value = sequence(frame);
                Long before = latest.put(frame.robot(), value);
                assertTrue(before == null || before < value, "values of one topic went backwards");
                received++;
            }
            assertTrue(received < PUBLISHES / 3, "the client got a backlog of " + received + " frames");
        }
    }

    @Test
    void block_aSlowClientThatKeepsUpWithinTheTimeout_losesNothing() throws Exception {
        try (TestBridge test = TestBridge.start("--set", "bridge.ping-interval=0",
                "--set", "bridge.backpressure.policy=block", "--set", "bridge.backpressure.queue-depth=4",
                "--set", "bridge.backpressure.block-timeout=5s");
                StalledClient client = StalledClient.connect(test.bridge.address().getPort())) {
            client.declare("drone1", 0);
            test.bridge.publish("drone1", "pos", body(0));
            assertEquals(0, sequence(client.read()));
            CompletableFuture<Void> slowReader = CompletableFuture.runAsync(() -> {
                try {
                    for (long expected = 1; expected <= 600; expected++) {
                        assertEquals(expected, sequence(client.read()));
                        if (expected % 4 == 0) {
                            Thread.sleep(1); // the client's own slowness, not a wait for the bridge
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 1; i <= 600; i++) {
                test.bridge.publish("drone1", "pos", body(i));
            }
            slowReader.get(60, TimeUnit.SECONDS);
            QueueStats queue = onlyClient(test);
            assertEquals(0, queue.droppedTotal(), "block lost frames: " + queue.dropped());
            assertEquals(4, queue.highWaterFrames(), "the publisher never had to wait: the test proves nothing");
        }
    }

    @Test
    void rpcReplies_reachAClientWhoseDataLaneIsFull_aheadOfTheWaitingData() throws Exception {
        try (TestBridge test = TestBridge.start("--set", "bridge.ping-interval=0",
                "--set", "bridge.backpressure.policy=drop-newest", "--set", "bridge.backpressure.queue-depth=16");
                StalledClient client = StalledClient.connect(test.bridge.address().getPort())) {
            // The test answers the call itself: completing the future runs the bridge's completion on this thread,
            // so the reply is queued before the client starts reading again.
            BlockingQueue<CompletableFuture<ByteBuffer>> calls = new LinkedBlockingQueue<>();
            test.bridge.registerService("Service/Add", call -> {
                CompletableFuture<ByteBuffer> answer = new CompletableFuture<>();
                calls.add(answer);
                return answer;
            });
            client.send(MessageType.REGISTER_RPC_CLIENT, "Service/Add", -1,
                    RpcBodies.encodeRegisterRequest(new RequestHeader(0, "Service/Add", "Client_1", 0, 0)));
            assertEquals(MessageType.PDU_DATA_RPC_REPLY, client.read().type());
            client.declare("drone1", 0);
            for (int i = 1; i <= PUBLISHES; i++) {
                test.bridge.publish("drone1", "pos", body(i));
            }
            QueueStats full = onlyClient(test);
            assertEquals(16, full.dataFrames(), "the data lane is not full: " + full);
            client.send(MessageType.PDU_DATA_RPC_REQUEST, "Service/Add", 0, RpcBodies.encodeRequest(
                    new RequestHeader(0, "Service/Add", "Client_1", 0, 10), AddTwoInts.request(20, 22), 8));
            CompletableFuture<ByteBuffer> call = calls.poll(10, TimeUnit.SECONDS);
            assertTrue(call != null, "the request never reached the service");
            assertEquals(16, onlyClient(test).dataFrames(), "the data lane is full when the reply is made");
            call.complete(AddTwoInts.request(42, 0).limit(8));
            Frame frame;
            do {
                frame = client.read();
            } while (frame.type() == MessageType.PDU_DATA);
            assertEquals(MessageType.PDU_DATA_RPC_REPLY, frame.type());
            assertEquals(RpcResultCode.OK.code(), RpcBodies.responseHeader(frame.body()).resultCode());
            assertEquals(42, AddTwoInts.sum(RpcBodies.payload(frame.body(), 8)));
            // The frames still waiting when the reply was queued leave after it. (A kernel that grows its send buffer
            // may let one or two leave in between, so the count is not fixed; none at all would mean no overtaking.)
            int after = 0;
            while (onlyClient(test).dataFrames() > 0 || after == 0) {
                assertEquals(MessageType.PDU_DATA, client.read().type());
                after++;
            }
            assertTrue(after >= 1 && after <= 16, "data frames after the reply: " + after);
        }
    }

    @Test
    void aPolicyChosenPerTopicThroughTheExtension_governsThatTopicOnly() throws Exception {
        try (TestBridge test = TestBridge.start("--set", "bridge.ping-interval=0",
                "--set", "bridge.backpressure.queue-depth=64");
                StalledClient client = StalledClient.connect(test.bridge.address().getPort())) {
            client.declare("drone2", 0);
            client.declareWithPolicy("drone1", 0, "drop-newest");
            // The answer to the second declare proves both are in force: one client's frames are handled in order.
            assertEquals(MessageType.BRIDGE_EXTENSION, client.read().type());
            for (int i = 1; i <= PUBLISHES; i++) {
                test.bridge.publish(i % 2 == 0 ? "drone2" : "drone1", "pos", body(i));
            }
            QueueStats queue = onlyClient(test);
            assertTrue(queue.dropped(DropReason.QUEUE_FULL) > 0, "drone1 was not under drop-newest: " + queue);
            assertTrue(queue.dropped(DropReason.SUPERSEDED) > 0, "drone2 was not under latest-wins: " + queue);
            assertEquals(0, queue.dropped(DropReason.EVICTED), "latest-wins evicted drone1 frames: " + queue);
        }
    }

    @Test
    void anExtensionClientThatCaughtUp_isToldHowManyFramesItLost() throws Exception {
        try (TestBridge test = TestBridge.start("--set", "bridge.ping-interval=0");
                StalledClient client = StalledClient.connect(test.bridge.address().getPort())) {
            client.declare("drone1", 0);
            client.hello();
            assertEquals(MessageType.BRIDGE_EXTENSION, client.read().type());
            for (int i = 1; i <= PUBLISHES; i++) {
                test.bridge.publish("drone1", "pos", body(i));
            }
            long lost = onlyClient(test).dropped(DropReason.SUPERSEDED);
            assertTrue(lost > 0, "the client never fell behind");
            long reported = 0;
            Frame frame;
            do {
                frame = client.read();
                reported += dropsReported(frame);
            } while (frame.type() != MessageType.PDU_DATA || sequence(frame) != PUBLISHES);
            // Now it keeps up: each value is read before the next is published, so nothing more is lost, and after a
            // run of such frames the spell is over. Every spell ends with a notice of what it lost (the kernel may
            // have let the client look caught up for a moment while the host was publishing): together they add up.
            long next = PUBLISHES;
            while (reported < lost && next < PUBLISHES + 200) {
                test.bridge.publish("drone1", "pos", body(++next));
                do {
                    frame = client.read();
                    reported += dropsReported(frame);
                } while (frame.type() != MessageType.PDU_DATA);
            }
            assertEquals(lost, reported);
            assertEquals(lost, onlyClient(test).droppedTotal(), "nothing more was lost once the client kept up");
        }
    }

    private static long dropsReported(Frame frame) throws java.io.IOException {
        if (frame.type() != MessageType.BRIDGE_EXTENSION) {
            return 0;
        }
        ByteBuffer body = frame.body();
        byte[] cbor = new byte[body.remaining()];
        body.get(cbor);
        Map<?, ?> notice = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().readValue(cbor, Map.class);
        assertEquals("drops", notice.get("op"));
        return ((Number) notice.get("count")).longValue();
    }

    static ByteBuffer empty() {
        return ByteBuffer.allocate(0);
    }
}
