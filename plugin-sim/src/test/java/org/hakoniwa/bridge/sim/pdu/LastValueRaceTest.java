package org.hakoniwa.bridge.sim.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.hakoniwa.bridge.sim.host.ClientStats;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.junit.jupiter.api.Test;

/**
 * Declares racing with a fast publisher: every client must get the last value and then every later value, each
 * exactly once and in order. The queues are large and drop-newest, so nothing is dropped and any gap or duplicate
 * would be the bridge's.
 */
class LastValueRaceTest {
    private static final int CLIENTS = 16;
    private static final int PUBLISHES = 6_000;

    @Test
    void declareRacingWithPublishes_getsLastValueThenLiveStream_noGapNoDuplicate() throws Exception {
        try (TestBridge test = TestBridge.start("--max-clients", "32", "--set", "bridge.backpressure.policy=drop-newest",
                "--set", "bridge.backpressure.queue-depth=100000", "--set", "bridge.backpressure.queue-bytes=64MiB")) {
            List<BridgeClient> clients = new ArrayList<>();
            List<List<Long>> received = new ArrayList<>();
            CountDownLatch allDone = new CountDownLatch(CLIENTS);
            for (int k = 0; k < CLIENTS; k++) {
                BridgeClient client = test.connect(k % 2 == 0 ? FrameForm.V2_304 : FrameForm.V2_200);
                List<Long> seen = new CopyOnWriteArrayList<>();
                client.onPdu(frame -> {
                    long sequence = (long) Twist.decode(frame.body()).linearX();
                    seen.add(sequence);
                    if (sequence == PUBLISHES) {
                        allDone.countDown();
                    }
                });
                clients.add(client);
                received.add(seen);
            }
            AtomicLong published = new AtomicLong();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> publisher = threads.submit(() -> {
                    for (long s = 1; s <= PUBLISHES; s++) {
                        test.bridge.publish("drone1", "pos", new Twist(s, 0, 0, 0, 0, 0).encode());
                        published.set(s);
                    }
                });
                Future<?> declarer = threads.submit(() -> {
                    for (int k = 0; k < CLIENTS; k++) {
                        long target = (long) PUBLISHES * k / CLIENTS / 2;
                        while (published.get() < target) {
                            Thread.onSpinWait();
                        }
                        clients.get(k).declareRead("drone1", 0);
                    }
                });
                publisher.get(60, TimeUnit.SECONDS);
                declarer.get(60, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            assertTrue(allDone.await(30, TimeUnit.SECONDS), "not every client received the final value");
            for (int k = 0; k < CLIENTS; k++) {
                List<Long> seen = received.get(k);
                long first = seen.get(0);
                assertTrue(first >= 1, "client " + k + " started at " + first);
                for (int i = 0; i < seen.size(); i++) {
                    assertEquals(first + i, seen.get(i), "client " + k + " at position " + i
                            + ": a gap or a duplicate after the last value " + first);
                }
            }
            long dropped = test.bridge.stats().clients().stream().map(ClientStats::queue)
                    .mapToLong(q -> q.droppedTotal()).sum();
            assertEquals(0, dropped, "the test needs a run without drops to mean anything");
        }
    }
}
