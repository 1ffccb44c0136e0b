package org.hakoniwa.bridge.sim.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The opt-in extension: undeclare, declare with options, leases, answers and notices only for opted-in clients. */
class ExtensionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestBridge test;

    @BeforeEach
    void start() {
        test = TestBridge.start("--max-clients", "8");
        test.bridge.publish("drone1", "pos", twist(1));
        test.bridge.publish("drone2", "pos", twist(2));
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private static ByteBuffer twist(double x) {
        return new Twist(x, 0, 0, 0, 0, 0).encode();
    }

    private static Map<String, Object> ask(BridgeClient client, Map<String, Object> request) throws Exception {
        return client.extension(request).get(10, TimeUnit.SECONDS);
    }

    private static Frame next(BridgeClient client) throws InterruptedException {
        Frame frame = client.awaitPdu(WAIT);
        assertNotNull(frame, "no PDU_DATA within " + WAIT);
        return frame;
    }

    private static void assertNextIsDrone2(BridgeClient client) throws InterruptedException {
        client.requestRead("drone2", 0);
        assertEquals("drone2", next(client).robot());
    }

    @Test
    void hello_isAcknowledgedWithTheOperationsAndPolicies() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        Map<String, Object> answer = ask(client, Map.of("op", "hello"));
        assertEquals("ack", answer.get("op"));
        assertEquals(1, answer.get("protocol"));
        assertEquals(List.of("hello", "declare", "renew", "undeclare"), answer.get("ops"));
        assertEquals(List.of("block", "drop-newest", "drop-oldest", "latest-wins"), answer.get("policies"));
    }

    @Test
    void undeclare_stopsTheStream() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        client.declareRead("drone1", 0);
        assertEquals("drone1", next(client).robot());
        Map<String, Object> answer = ask(client, Map.of("op", "undeclare", "robot", "drone1", "channel", 0));
        assertEquals(Map.of("op", "ack", "id", 1, "robot", "drone1", "channel", 0, "removed", true), answer);
        test.bridge.publish("drone1", "pos", twist(3));
        assertNextIsDrone2(client);
        assertEquals(0, test.bridge.stats().subscriptions());
    }

    @Test
    void declareWithoutLastValue_getsOnlyLiveData() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_200);
        Map<String, Object> answer = ask(client, Map.of("op", "declare", "robot", "drone1", "channel", 0,
                "last_value", false));
        assertEquals(true, answer.get("added"));
        assertNextIsDrone2(client);
        test.bridge.publish("drone1", "pos", twist(4));
        assertEquals(4.0, Twist.decode(next(client).body()).linearX());
    }

    @Test
    void leasedSubscription_lapsesUnlessRenewed_andTheClientIsTold() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        ask(client, Map.of("op", "declare", "robot", "drone1", "channel", 0, "ttl_ms", 300));
        assertEquals("drone1", next(client).robot());
        Map<String, Object> notice = client.awaitNotice(WAIT);
        assertEquals(Map.of("op", "lapsed", "robot", "drone1", "channel", 0), notice);
        assertEquals(0, test.bridge.stats().subscriptions());
        test.bridge.publish("drone1", "pos", twist(5));
        assertNextIsDrone2(client);
    }

    @Test
    void renewingALease_keepsTheSubscription() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        ask(client, Map.of("op", "declare", "robot", "drone1", "channel", 0, "ttl_ms", 400));
        next(client);
        for (int i = 0; i < 4; i++) {
            // Each renewal restarts the 400 ms: the renewals span 4 × 200 ms, twice the lease.
            assertNull(client.awaitNotice(Duration.ofMillis(200)));
            assertEquals("ack", ask(client, Map.of("op", "renew", "robot", "drone1", "channel", 0)).get("op"));
        }
        assertEquals(1, test.bridge.stats().subscriptions());
        assertEquals(Map.of("op", "lapsed", "robot", "drone1", "channel", 0), client.awaitNotice(WAIT));
    }

    @Test
    void errors_nameTheProblem_andEchoTheId() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        Map<String, Object> unknownTopic = ask(client, Map.of("op", "declare", "robot", "drone9", "channel", 3));
        assertEquals(Map.of("op", "error", "id", 1, "code", "unknown-topic",
                "message", "the PDU definition has no topic drone9/3"), unknownTopic);
        Map<String, Object> unknownPolicy = ask(client, Map.of("op", "declare", "robot", "drone1", "channel", 0,
                "policy", "fastest"));
        assertEquals("unknown-policy", unknownPolicy.get("code"));
        assertEquals("unknown policy \"fastest\" (known: block, drop-newest, drop-oldest, latest-wins)",
                unknownPolicy.get("message"));
        Map<String, Object> badField = ask(client, Map.of("op", "undeclare", "robot", "drone1", "channel", "zero"));
        assertEquals("field \"channel\" must be a 32-bit integer", badField.get("message"));
        Map<String, Object> unknownOp = ask(client, Map.of("op", "subscribe-all"));
        assertEquals("unknown-op", unknownOp.get("code"));
        Map<String, Object> notLeased = ask(client, Map.of("op", "renew", "robot", "drone1", "channel", 0));
        assertEquals("not-leased", notLeased.get("code"));
    }

    @Test
    void malformedExtensionBody_isAnsweredWithAnError_andTheConnectionStays() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        client.sendFrame(MessageType.BRIDGE_EXTENSION, "", 0, ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0x00, 0x13}));
        Map<String, Object> answer = client.awaitNotice(WAIT);
        assertNotNull(answer, "no extension answer within " + WAIT);
        assertEquals("error", answer.get("op"));
        assertEquals("malformed", answer.get("code"));
        assertEquals("drone2", requestAndWait(client).robot());
    }

    private static Frame requestAndWait(BridgeClient client) throws InterruptedException {
        client.requestRead("drone2", 0);
        return next(client);
    }

    @Test
    void clientsThatNeverOptedIn_neverReceiveExtensionFrames() throws Exception {
        BridgeClient plain = test.connect(FrameForm.V2_304);
        BridgeClient extended = test.connect(FrameForm.V2_304);
        plain.declareRead("drone1", 0);
        next(plain);
        ask(extended, Map.of("op", "declare", "robot", "drone1", "channel", 0, "ttl_ms", 100));
        assertEquals(Map.of("op", "lapsed", "robot", "drone1", "channel", 0), extended.awaitNotice(WAIT));
        test.bridge.publish("drone1", "pos", twist(6));
        assertEquals(6.0, Twist.decode(next(plain).body()).linearX());
        assertNull(plain.awaitNotice(Duration.ZERO), "a plain client got an extension frame");
    }
}
