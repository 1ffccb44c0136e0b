package org.hakoniwa.bridge.sim.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.testkit.RawWebSocketClient;
import org.hakoniwa.bridge.pdu.topic.PublishReport;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.hakoniwa.bridge.sim.host.ClientStats;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Declared-only fan-out with several clients of different forms, and what bad input does (nothing to others). */
class PduTopicsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestBridge test;

    @AfterEach
    void stop() {
        if (test != null) {
            test.close();
        }
    }

    private static ByteBuffer twist(double x) {
        return new Twist(x, 0, 0, 0, 0, 0).encode();
    }

    private static Frame next(BridgeClient client) throws InterruptedException {
        Frame frame = client.awaitPdu(WAIT);
        assertNotNull(frame, "no PDU_DATA within " + WAIT);
        return frame;
    }

    /** Declares drone1/0 and waits for its last value (the host published one), so the declare is in force. */
    private void declareAndSync(BridgeClient client) throws InterruptedException {
        client.declareRead("drone1", 0);
        assertEquals("drone1", next(client).robot());
    }

    /**
     * Asserts that nothing was sent to {@code client} for what it asked before: the bridge handles one client's
     * frames in order, so the reply to this read of drone2 (which has a value) comes after anything the earlier
     * frames caused, and must be the first frame to arrive.
     */
    private static void assertNothingElseBefore(BridgeClient client) throws InterruptedException {
        client.requestRead("drone2", 0);
        Frame first = next(client);
        assertEquals("drone2", first.robot(), "an earlier request of this client caused a frame: " + first);
    }

    @Test
    void python_javascript_and_v1_clients_atOnce_eachGetDrone1InTheirOwnForm() throws Exception {
        test = TestBridge.start("--max-clients", "8");
        test.bridge.publish("drone1", "pos", twist(0));
        BridgeClient python = test.connect(FrameForm.V2_304);
        BridgeClient javascript = test.connect(FrameForm.V2_200);
        BridgeClient v1 = test.connect(FrameForm.V1);
        for (BridgeClient client : List.of(python, javascript, v1)) {
            declareAndSync(client);
        }
        test.bridge.publish("drone1", "pos", twist(7));
        for (BridgeClient client : List.of(python, javascript, v1)) {
            Frame frame = next(client);
            assertEquals(client.form(), frame.form());
            assertEquals(new PduKey("drone1", 0), frame.key());
            assertEquals(7.0, Twist.decode(frame.body()).linearX());
        }
        List<String> forms = test.bridge.stats().clients().stream().map(ClientStats::form).sorted().toList();
        assertEquals(List.of("V1", "V2_200", "V2_304"), forms);
    }

    @Test
    void onlyDeclaringClients_receive_andWithNoSubscriptionNobodyDoes() throws Exception {
        test = TestBridge.start("--max-clients", "8");
        BridgeClient reader = test.connect(FrameForm.V2_304);
        BridgeClient bystander = test.connect(FrameForm.V2_304);
        assertEquals(PublishReport.NOBODY, test.bridge.publish("drone2", "pos", twist(0)));
        assertEquals(PublishReport.NOBODY, test.bridge.publish("drone1", "pos", twist(1)));
        declareAndSync(reader);
        assertEquals(new PublishReport(1, 0), test.bridge.publish("drone1", "pos", twist(2)));
        assertEquals(2.0, Twist.decode(next(reader).body()).linearX());
        // The bystander declared nothing: the first frame it ever gets is the one it asks for.
        assertNothingElseBefore(bystander);
    }

    @Test
    void garbage_text_unknownTypes_andUnknownTopics_keepTheConnection_andOthersCarryOn() throws Exception {
        test = TestBridge.start("--max-clients", "8");
        test.bridge.publish("drone1", "pos", twist(0));
        BridgeClient good = test.connect(FrameForm.V2_304);
        test.nextConnected();
        declareAndSync(good);
        try (RawWebSocketClient bad = RawWebSocketClient.connect(test.bridge.address().getPort(), 0)) {
            ClientId badId = test.nextConnected();
            FrameCodec codec = new FrameCodec();
            bad.sendBinary(new byte[] {1, 2, 3});
            bad.sendBinary(new byte[400]);
            bad.sendText("hello?");
            ByteBuffer unknownType = codec.encode(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, twist(1), 0, 0, 0);
            unknownType.putInt(140, 0);
            bad.sendBinary(array(unknownType));
            bad.sendBinary(array(codec.encode(FrameForm.V2_304, MessageType.DECLARE_PDU_FOR_READ, "drone9", 4,
                    ByteBuffer.allocate(0), 0, 0, 0)));
            bad.sendBinary(array(codec.encode(FrameForm.V2_304, MessageType.PDU_DATA, "drone9", 4, twist(1), 0, 0, 0)));
            // Still connected and served: its declare of a real topic gets the last value.
            bad.sendBinary(array(codec.encode(FrameForm.V2_304, MessageType.DECLARE_PDU_FOR_READ, "drone1", 0,
                    ByteBuffer.allocate(0), 0, 0, 0)));
            Frame last = codec.decode(ByteBuffer.wrap(bad.readBinary()));
            assertEquals(new PduKey("drone1", 0), last.key());
            ClientId id = badId;
            ClientStats stats = test.bridge.stats().clients().stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow();
            assertEquals(6, stats.framesIn(), "binary messages received (the text one is not a frame)");
            assertEquals(3, stats.malformedIn());
            assertTrue(test.bridge.read("drone9", 4).isEmpty());
        }
        test.bridge.publish("drone1", "pos", twist(5));
        assertEquals(5.0, Twist.decode(next(good).body()).linearX());
    }

    @Test
    void relayOfClientWrites_reachesOtherReaders_butNotTheWriterUnlessItReads() throws Exception {
        test = TestBridge.start("--max-clients", "8", "--set", "bridge.pdu.relay-client-writes=true");
        BridgeClient writer = test.connect(FrameForm.V2_304);
        BridgeClient reader = test.connect(FrameForm.V2_200);
        test.bridge.publish("drone1", "pos", twist(0));
        test.bridge.publish("drone2", "pos", twist(0));
        declareAndSync(reader);
        writer.write("drone1", 0, twist(11));
        assertEquals(11.0, Twist.decode(next(reader).body()).linearX());
        assertNothingElseBefore(writer);
        declareAndSync(writer);
        writer.write("drone1", 0, twist(12));
        assertEquals(12.0, Twist.decode(next(writer).body()).linearX());
    }

    @Test
    void broadcastToUndeclared_sendsEverythingToClientsThatNeverDeclared() throws Exception {
        test = TestBridge.start("--max-clients", "8", "--set", "bridge.pdu.broadcast-to-undeclared=true");
        test.bridge.publish("drone1", "pos", twist(0));
        BridgeClient silent = test.connect(FrameForm.V2_304);
        BridgeClient declaring = test.connect(FrameForm.V2_304);
        test.nextConnected();
        test.nextConnected();
        // Its last value comes from the declare's own handling: once it arrives, the declare is in force.
        declareAndSync(declaring);
        test.bridge.publish("drone2", "pos", twist(2));
        test.bridge.publish("drone1", "pos", twist(1));
        assertEquals("drone2", next(silent).robot());
        assertEquals(1.0, Twist.decode(next(silent).body()).linearX());
        Frame forDeclaring = next(declaring);
        assertEquals("drone1", forDeclaring.robot(), "a client that declared gets its topics only");
        assertEquals(1.0, Twist.decode(forDeclaring.body()).linearX());
    }

    @Test
    void lastValueOnDeclare_canBeSwitchedOff() throws Exception {
        test = TestBridge.start("--set", "bridge.pdu.last-value-on-declare=false");
        BridgeClient client = test.connect(FrameForm.V2_304);
        test.bridge.publish("drone1", "pos", twist(1));
        test.bridge.publish("drone2", "pos", twist(9));
        client.declareRead("drone1", 0);
        assertNothingElseBefore(client);
        test.bridge.publish("drone1", "pos", twist(2));
        assertEquals(2.0, Twist.decode(next(client).body()).linearX());
    }

    @Test
    void declaredWrites_showInTheStats_unknownOnesDoNot() throws Exception {
        test = TestBridge.start();
        test.bridge.publish("drone2", "pos", twist(0));
        BridgeClient client = test.connect(FrameForm.V1);
        client.declareWrite("drone1", 0);
        client.declareWrite("drone9", 0);
        assertNothingElseBefore(client);
        assertEquals(java.util.Set.of(new PduKey("drone1", 0)), test.bridge.stats().clients().get(0).writes());
    }

    @Test
    void outgoingPdus_carryTheHostsSimulationTime_andWallTime() throws Exception {
        test = TestBridge.start();
        BridgeClient client = test.connect(FrameForm.V2_304);
        test.bridge.step(123_456_789L);
        long before = System.currentTimeMillis() * 1000;
        test.bridge.publish("drone1", "pos", twist(1));
        client.declareRead("drone1", 0);
        Frame frame = next(client);
        assertEquals(123_456_789L, frame.hakoTimeUs());
        assertTrue(frame.realTimeUs() >= before && frame.realTimeUs() <= System.currentTimeMillis() * 1000,
                "real_time_us " + frame.realTimeUs());
    }

    private static byte[] array(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
