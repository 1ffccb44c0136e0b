package org.hakoniwa.bridge.sim.backpressure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.endpoint.QueueStats;
import org.hakoniwa.bridge.pdu.testkit.LogCapture;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.host.ClientStats;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.backpressure.DropReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One client stops reading while nine keep up and the host publishes fast: the nine get everything, the stalled
 * client's queue stays within its bounds, and the bridge's heap does not grow with the backlog.
 *
 * <p>Each burst publishes once on each of {@value #BURST} topics (a simulation step of many robots), so that
 * latest-wins, which keeps one waiting frame per topic, has nothing to coalesce for a reader that keeps up.
 */
class IsolationTest {
    private static final int NORMAL = 9;
    private static final int BURSTS = 40;
    private static final int BURST = 50;
    private static final int BODY = 16 * 1024;
    private static final int DEPTH = 64;
    private static final long QUEUE_BYTES = 1 << 20;

    @ParameterizedTest
    @ValueSource(strings = {"drop-newest", "drop-oldest", "latest-wins"})
    void aStalledClient_doesNotSlowOrStarveTheOthers_andItsQueueStaysBounded(String policy) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LogCapture logs = new LogCapture();
                TestBridge test = TestBridge.start("--max-clients", "16", "--set", "bridge.ping-interval=0",
                        "--set", "bridge.pdu.unknown-topics=allow-unknown",
                        "--set", "bridge.backpressure.policy=" + policy,
                        "--set", "bridge.backpressure.queue-depth=" + DEPTH,
                        "--set", "bridge.backpressure.queue-bytes=" + QUEUE_BYTES);
                StalledClient stalled = StalledClient.connect(test.bridge.address().getPort())) {
            ClientId stalledId = test.nextConnected();
            for (int channel = 0; channel < BURST; channel++) {
                stalled.declare("drone1", channel);
            }
            List<BridgeClient> normal = new ArrayList<>();
            for (int k = 0; k < NORMAL; k++) {
                BridgeClient client = test.connect(FrameForm.V2_304);
                for (int channel = 0; channel < BURST; channel++) {
                    client.declareRead("drone1", channel);
                }
                normal.add(client);
            }
            // Once a reader got a value of the last topic it declared, all its declares are in force.
            test.bridge.publish("drone1", BURST - 1, body(0));
            for (BridgeClient client : normal) {
                assertEquals(0, sequence(next(client)));
            }
            assertEquals(0, sequence(stalled.read()), "the stalled client's declares are in force; now it stops reading");
            memory.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long published = 0;
            for (int burst = 0; burst < BURSTS; burst++) {
                for (int channel = 0; channel < BURST; channel++) {
                    test.bridge.publish("drone1", channel, body(++published));
                }
                // The nine read everything of this burst, in order, before the next one: full rate, no loss.
                for (BridgeClient client : normal) {
                    for (long expected = published - BURST + 1; expected <= published; expected++) {
                        assertEquals(expected, sequence(next(client)), policy);
                    }
                }
            }
            memory.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("isolation (%s): %d publishes of %d bytes to 1 stalled + %d readers; heap after GC"
                    + " %+.1f MiB (unbounded queueing would hold %.1f MiB)%n", policy, published, BODY, NORMAL,
                    (heapAfter - heapBefore) / 1048576.0, published * (double) BODY / 1048576.0);

            for (ClientStats client : test.bridge.stats().clients()) {
                QueueStats queue = client.queue();
                if (client.id().equals(stalledId)) {
                    assertTrue(queue.dataFrames() <= DEPTH, "frames waiting " + queue.dataFrames());
                    assertTrue(queue.dataBytes() <= QUEUE_BYTES, "bytes waiting " + queue.dataBytes());
                    assertTrue(queue.highWaterBytes() <= QUEUE_BYTES, "high water " + queue.highWaterBytes());
                    assertTrue(queue.droppedTotal() > 0, "the stalled client lost nothing: it was not stalled");
                } else {
                    assertEquals(0, queue.droppedTotal(), "a reader that keeps up lost frames: " + queue.dropped());
                    assertEquals(published + 1, queue.sentFrames());
                }
            }
            List<ILoggingEvent> slow = logs.containing("client " + stalledId + " is slow");
            assertEquals(1, slow.size(), "one warning per slow spell, not one per dropped frame");
            assertEquals(stalledId.value(), slow.get(0).getMDCPropertyMap().get("client_id"));
        }
    }

    static ByteBuffer body(long sequence) {
        ByteBuffer body = ByteBuffer.allocate(BODY);
        body.putLong(0, sequence);
        return body;
    }

    static long sequence(Frame frame) {
        return frame.body().order(java.nio.ByteOrder.BIG_ENDIAN).getLong(0);
    }

    static Frame next(BridgeClient client) throws InterruptedException {
        Frame frame = client.awaitPdu(Duration.ofSeconds(10));
        assertNotNull(frame, "no PDU_DATA within 10 s");
        return frame;
    }

    static long dropped(QueueStats queue, DropReason reason) {
        return queue.dropped(reason);
    }
}
