package org.hakoniwa.bridge.sim.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hakoniwa.bridge.pdu.buffer.PduSample;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.rpc.client.Registration;
import org.hakoniwa.bridge.rpc.client.RpcReply;
import org.hakoniwa.bridge.rpc.header.RpcResultCode;
import org.hakoniwa.bridge.rpc.header.RpcStatus;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.hakoniwa.bridge.sim.testkit.AddTwoInts;
import org.hakoniwa.bridge.sim.testkit.Fixtures;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The single-client regression suite (the design's phase 0): what the existing clients do with the reference server,
 * against a real bridge on port 0 with real clients, in every frame form they speak. Later work must keep it green
 * as it is.
 */
class SingleClientRegressionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADD = "Service/Add";
    /** A request with a = SLOW blocks its handler until the test opens the gate (or the call is cancelled). */
    private static final long SLOW = 1000;

    private TestBridge test;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch slowInterrupted = new CountDownLatch(1);

    @BeforeEach
    void start() {
        test = TestBridge.start();
        test.bridge.registerSyncService(ADD, call -> {
            ByteBuffer in = call.littleEndianBody();
            long a = in.getLong(0);
            long b = in.getLong(8);
            if (a == SLOW) {
                slowStarted.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    slowInterrupted.countDown();
                    throw e;
                }
            }
            return AddTwoInts.request(a + b, 0).limit(8);
        });
    }

    @AfterEach
    void stop() {
        gate.countDown();
        test.close();
    }

    private static Twist twist(double x) {
        return new Twist(x, 0, 0, 0, 0, x / 2);
    }

    private static Frame next(BridgeClient client) throws InterruptedException {
        Frame frame = client.awaitPdu(WAIT);
        assertNotNull(frame, "no PDU_DATA within " + WAIT);
        return frame;
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void connectAndDisconnect_areSeenByTheHost(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        assertEquals(test.nextConnected(), test.bridge.stats().clients().get(0).id());
        client.close();
        test.nextDisconnected();
        assertEquals(0, test.bridge.stats().clientCount());
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void clientWrite_landsInTheCommunicationBuffer(FrameForm form) throws Exception {
        BlockingQueue<PduSample> writes = new LinkedBlockingQueue<>();
        test.bridge.onClientWrite(writes::add);
        BridgeClient client = test.connect(form);
        client.declareWrite("drone1", 0);
        client.write("drone1", 0, twist(4.5).encode());
        PduSample written = writes.poll(10, TimeUnit.SECONDS);
        assertNotNull(written);
        assertEquals(twist(4.5), Twist.decode(written.body()));
        assertEquals(twist(4.5), Twist.decode(test.bridge.read("drone1", "pos").orElseThrow().body()));
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void declaredClient_receivesTheLastValueThenEveryPublish_inItsOwnForm(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        test.bridge.publish("drone1", "pos", twist(1).encode());
        client.declareRead("drone1", 0);
        Frame last = next(client);
        assertEquals(form, last.form());
        assertEquals(MessageType.PDU_DATA, last.type());
        assertEquals("drone1", last.robot());
        assertEquals(twist(1), Twist.decode(last.body()));
        for (int i = 2; i <= 5; i++) {
            test.bridge.publish("drone1", "pos", twist(i).encode());
            assertEquals(twist(i), Twist.decode(next(client).body()));
        }
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void topicsNotDeclared_areNeverSent(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        test.bridge.publish("drone1", "pos", twist(1).encode());
        client.declareRead("drone1", 0);
        next(client);
        test.bridge.publish("drone2", "pos", twist(9).encode());
        test.bridge.publish("drone1", "pos", twist(2).encode());
        Frame frame = next(client);
        assertEquals("drone1", frame.robot());
        assertEquals(twist(2), Twist.decode(frame.body()));
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void requestRead_repliesWithTheLatestValue_andDoesNotConsumeIt(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        test.bridge.publish("drone1", "pos", twist(1).encode());
        test.bridge.publish("drone1", "pos", twist(7).encode());
        client.requestRead("drone1", 0);
        assertEquals(twist(7), Twist.decode(next(client).body()));
        client.requestRead("drone1", 0);
        assertEquals(twist(7), Twist.decode(next(client).body()));
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void requestRead_ofATopicWithoutValue_sendsNothing(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        client.requestRead("drone2", 0);
        test.bridge.publish("drone1", "pos", twist(3).encode());
        client.requestRead("drone1", 0);
        Frame first = next(client);
        assertEquals("drone1", first.robot(), "drone2 had no value: nothing may be sent for it");
    }

    @ParameterizedTest
    @EnumSource(value = FrameForm.class, names = {"V2_304", "V2_200"})
    void rpcRoundTrip_add1And2_returns3_routedByHeaderNamesAndFrameChannel(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        Registration registration = client.register(ADD, "Client_1").get(10, TimeUnit.SECONDS);
        assertTrue(registration.ok());
        assertEquals(0, registration.body().serviceId());
        assertEquals(0, registration.body().clientId());
        assertEquals(0, registration.body().requestChannelId());
        assertEquals(1, registration.body().responseChannelId());
        assertEquals(1, registration.frame().channel());

        RpcReply reply = client.call(ADD, "Client_1", AddTwoInts.request(1, 2), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertEquals(3, AddTwoInts.sum(reply.payload(AddTwoInts.ALIGNMENT)));
        assertEquals(0, reply.header().requestId());
        assertEquals(ADD, reply.header().serviceName());
        assertEquals("Client_1", reply.header().clientName());
        assertEquals(RpcStatus.DONE.code(), reply.header().status());
        assertEquals(100, reply.header().percentage());
        assertEquals(RpcResultCode.OK.code(), reply.header().resultCode());
        assertEquals(ADD, reply.frame().robot());
        assertEquals(1, reply.frame().channel());
        assertEquals(form, reply.frame().form());
    }

    @Test
    void rpcReplies_areByteIdenticalToTheCapturedFrames() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        Registration registration = client.register(ADD, "Client_1").get(10, TimeUnit.SECONDS);
        FrameCodec codec = new FrameCodec();
        assertEquals(Fixtures.load("v2_rpc_register_reply_service_add_client_1.hex"),
                codec.encode(registration.frame()));
        RpcReply reply = client.call(ADD, "Client_1", AddTwoInts.request(1, 2), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertEquals(Fixtures.load("v2_rpc_reply_add_sum_3.hex"), codec.encode(reply.frame()));
    }

    @Test
    void capturedRequestFrames_sentVerbatim_areAnswered() throws Exception {
        BridgeClient client = test.connect(FrameForm.V2_304);
        client.register(ADD, "Client_1").get(10, TimeUnit.SECONDS);
        // What the Python client put on the wire for 1 + 2, byte for byte; the reply is matched by its header.
        CompletableFuture<RpcReply> reply = client.call(ADD, "Client_1", AddTwoInts.request(0, 0), AddTwoInts.ALIGNMENT,
                WAIT);
        reply.get(10, TimeUnit.SECONDS);
        client.sendRaw(Fixtures.load("v2_rpc_request_add_1_2.hex"));
        client.sendRaw(Fixtures.load("v2_declare_read_drone1_ch0.hex"));
        test.bridge.publish("drone1", "pos", twist(5).encode());
        assertEquals("drone1", next(client).robot());
    }

    @ParameterizedTest
    @EnumSource(value = FrameForm.class, names = {"V2_304", "V2_200"})
    void rpcTimeout_onTheClientSide_leavesTheClientUsable(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        client.register(ADD, "Client_1").get(10, TimeUnit.SECONDS);
        CompletableFuture<RpcReply> slow = client.call(ADD, "Client_1", AddTwoInts.request(SLOW, 1),
                AddTwoInts.ALIGNMENT, Duration.ofMillis(300));
        ExecutionException timedOut = assertThrows(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, timedOut.getCause());
        gate.countDown();
        RpcReply next = client.call(ADD, "Client_1", AddTwoInts.request(20, 22), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertEquals(42, AddTwoInts.sum(next.payload(AddTwoInts.ALIGNMENT)));
        assertEquals(1, next.header().requestId());
    }

    @ParameterizedTest
    @EnumSource(value = FrameForm.class, names = {"V2_304", "V2_200"})
    void cancel_isAnsweredCanceled_andStopsTheHandler(FrameForm form) throws Exception {
        BridgeClient client = test.connect(form);
        client.register(ADD, "Client_1").get(10, TimeUnit.SECONDS);
        CompletableFuture<RpcReply> call = client.call(ADD, "Client_1", AddTwoInts.request(SLOW, 1),
                AddTwoInts.ALIGNMENT, WAIT);
        assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
        RpcReply cancelled = client.cancel(ADD, "Client_1", 0, AddTwoInts.ALIGNMENT, WAIT).get(10, TimeUnit.SECONDS);
        assertEquals(RpcStatus.DONE.code(), cancelled.header().status());
        assertEquals(RpcResultCode.CANCELED.code(), cancelled.header().resultCode());
        assertEquals(0, cancelled.header().requestId());
        assertEquals("Client_1", cancelled.header().clientName());
        assertEquals(1, cancelled.frame().channel());
        assertEquals(cancelled, call.get(10, TimeUnit.SECONDS));
        assertTrue(slowInterrupted.await(10, TimeUnit.SECONDS), "the handler was not interrupted");
        assertFalse(client.unmatchedReplies().stream().anyMatch(r -> r.header().requestId() == 0));
    }
}
