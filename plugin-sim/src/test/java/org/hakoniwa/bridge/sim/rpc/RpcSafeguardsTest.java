package org.hakoniwa.bridge.sim.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.rpc.client.Registration;
import org.hakoniwa.bridge.rpc.client.RpcReply;
import org.hakoniwa.bridge.rpc.header.RequestHeader;
import org.hakoniwa.bridge.rpc.header.ResponseHeader;
import org.hakoniwa.bridge.rpc.header.RpcBodies;
import org.hakoniwa.bridge.rpc.header.RpcResultCode;
import org.hakoniwa.bridge.rpc.header.RpcStatus;
import org.hakoniwa.bridge.sim.testkit.AddTwoInts;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines, cancels, the in-flight cap, duplicates, refused registrations and final replies. Each test checks the
 * exact reply: status, result code, echoed names and request id, frame robot and channel.
 */
class RpcSafeguardsTest {
    private static final String ADD = "Service/Add";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long SLOW = 1000;

    private TestBridge test;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final CountDownLatch slowStarted = new CountDownLatch(1);

    @AfterEach
    void stop() {
        gate.countDown();
        if (test != null) {
            test.close();
        }
    }

    /** Starts a bridge serving Add; a call with a = SLOW waits for the gate (or an interrupt). */
    private BridgeClient startAndRegister(String... options) throws Exception {
        test = TestBridge.start(options);
        test.bridge.registerSyncService(ADD, call -> {
            ByteBuffer in = call.littleEndianBody();
            if (in.getLong(0) == SLOW) {
                slowStarted.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }
            return AddTwoInts.request(in.getLong(0) + in.getLong(8), 0).limit(8);
        });
        BridgeClient client = test.connect(FrameForm.V2_304);
        assertTrue(client.register(ADD, "Client_1").get(10, TimeUnit.SECONDS).ok());
        return client;
    }

    private static CompletableFuture<RpcReply> slowCall(BridgeClient client) {
        return client.call(ADD, "Client_1", AddTwoInts.request(SLOW, 1), AddTwoInts.ALIGNMENT, WAIT);
    }

    private static void assertReply(RpcReply reply, long requestId, RpcStatus status, int percentage,
            RpcResultCode result, int channel) {
        ResponseHeader header = reply.header();
        assertEquals(requestId, header.requestId(), "request_id");
        assertEquals(ADD, header.serviceName(), "service_name");
        assertEquals("Client_1", header.clientName(), "client_name");
        assertEquals(status.code(), header.status(), "status");
        assertEquals(percentage, header.percentage(), "processing_percentage");
        assertEquals(result.code(), header.resultCode(), "result_code");
        assertEquals(MessageType.PDU_DATA_RPC_REPLY, reply.frame().type());
        assertEquals(ADD, reply.frame().robot(), "frame robot");
        assertEquals(channel, reply.frame().channel(), "frame channel");
    }

    @Test
    void handlerMissingTheDeadline_isAnsweredErrorError_andTheRouteIsRemoved() throws Exception {
        BridgeClient client = startAndRegister("--set", "bridge.rpc.deadline=200ms");
        RpcReply reply = slowCall(client).get(10, TimeUnit.SECONDS);
        assertReply(reply, 0, RpcStatus.ERROR, 0, RpcResultCode.ERROR, 1);
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the late handler was not interrupted");
        assertEquals(0, test.bridge.stats().pendingCalls());
        RpcReply next = client.call(ADD, "Client_1", AddTwoInts.request(2, 3), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertReply(next, 1, RpcStatus.DONE, 100, RpcResultCode.OK, 1);
    }

    @Test
    void cancelOfAPendingCall_isAnsweredDoneCanceled() throws Exception {
        BridgeClient client = startAndRegister();
        CompletableFuture<RpcReply> call = slowCall(client);
        RpcReply cancelled = client.cancel(ADD, "Client_1", 0, AddTwoInts.ALIGNMENT, WAIT).get(10, TimeUnit.SECONDS);
        assertReply(cancelled, 0, RpcStatus.DONE, 100, RpcResultCode.CANCELED, 1);
        assertEquals(cancelled, call.get(10, TimeUnit.SECONDS));
        assertEquals(0, test.bridge.stats().pendingCalls());
    }

    @Test
    void cancelOfAnUnknownCall_isAnsweredInvalid() throws Exception {
        BridgeClient client = startAndRegister();
        RpcReply reply = client.cancel(ADD, "Client_1", 77, AddTwoInts.ALIGNMENT, WAIT).get(10, TimeUnit.SECONDS);
        assertReply(reply, 77, RpcStatus.ERROR, 0, RpcResultCode.INVALID, 1);
    }

    @Test
    void callsBeyondTheInFlightCap_areAnsweredBusyAtOnce() throws Exception {
        BridgeClient client = startAndRegister("--set", "bridge.rpc.max-in-flight=2");
        CompletableFuture<RpcReply> first = slowCall(client);
        CompletableFuture<RpcReply> second = slowCall(client);
        RpcReply third = slowCall(client).get(10, TimeUnit.SECONDS);
        assertReply(third, 2, RpcStatus.ERROR, 0, RpcResultCode.BUSY, 1);
        assertFalse(first.isDone() || second.isDone());
        gate.countDown();
        assertReply(first.get(10, TimeUnit.SECONDS), 0, RpcStatus.DONE, 100, RpcResultCode.OK, 1);
        assertReply(second.get(10, TimeUnit.SECONDS), 1, RpcStatus.DONE, 100, RpcResultCode.OK, 1);
    }

    @Test
    void aSecondRequestWithTheSameIdWhileTheFirstIsPending_isAnsweredBusy() throws Exception {
        BridgeClient client = startAndRegister();
        client.callWithId(ADD, "Client_1", 5, AddTwoInts.request(SLOW, 1), AddTwoInts.ALIGNMENT, WAIT);
        RpcReply duplicate = client.callWithId(ADD, "Client_1", 5, AddTwoInts.request(1, 1), AddTwoInts.ALIGNMENT,
                WAIT).get(10, TimeUnit.SECONDS);
        assertReply(duplicate, 5, RpcStatus.ERROR, 0, RpcResultCode.BUSY, 1);
        assertEquals(1, test.bridge.stats().pendingCalls());
    }

    @Test
    void registeringANameAnotherConnectionHolds_isAnsweredBusy_andTheHolderIsUnaffected() throws Exception {
        BridgeClient holder = startAndRegister("--max-clients", "4");
        BridgeClient intruder = test.connect(FrameForm.V2_200);
        Registration refused = intruder.register(ADD, "Client_1").get(10, TimeUnit.SECONDS);
        assertEquals(RpcResultCode.BUSY.code(), refused.header().resultCode());
        assertEquals(RpcStatus.ERROR.code(), refused.header().status());
        assertEquals("Client_1", refused.header().clientName());
        assertEquals(ADD, refused.frame().robot());
        assertEquals(-1, refused.frame().channel());
        RpcReply still = holder.call(ADD, "Client_1", AddTwoInts.request(4, 4), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertReply(still, 0, RpcStatus.DONE, 100, RpcResultCode.OK, 1);
    }

    @Test
    void registeringTheSameNameAgainOnTheSameConnection_returnsTheSameRegistration() throws Exception {
        BridgeClient client = startAndRegister();
        Registration again = client.register(ADD, "Client_1").get(10, TimeUnit.SECONDS);
        assertTrue(again.ok());
        assertEquals(0, again.body().clientId());
        assertEquals(1, test.bridge.stats().registrations());
    }

    @Test
    void registeringOnAnUnknownService_isAnsweredInvalid() throws Exception {
        BridgeClient client = startAndRegister();
        Registration refused = client.register("Service/Nope", "Client_1").get(10, TimeUnit.SECONDS);
        assertEquals(RpcResultCode.INVALID.code(), refused.header().resultCode());
        assertEquals("Service/Nope", refused.header().serviceName());
        assertEquals("Service/Nope", refused.frame().robot());
    }

    @Test
    void aRequestFromANameThisConnectionDidNotRegister_isAnsweredInvalid_neverRouted() throws Exception {
        BridgeClient client = startAndRegister("--max-clients", "4");
        BridgeClient other = test.connect(FrameForm.V2_304);
        other.register(ADD, "Other").get(10, TimeUnit.SECONDS);
        // Forge a request under the first client's name on the other connection, on the first client's channel 0.
        RequestHeader forged = new RequestHeader(0, ADD, "Client_1", 0, 10);
        CompletableFuture<RpcReply> viaOwnName = other.call(ADD, "Other", AddTwoInts.request(0, 0),
                AddTwoInts.ALIGNMENT, WAIT);
        viaOwnName.get(10, TimeUnit.SECONDS);
        other.sendFrame(MessageType.PDU_DATA_RPC_REQUEST, ADD, 0,
                RpcBodies.encodeRequest(forged, AddTwoInts.request(1, 1), AddTwoInts.ALIGNMENT));
        RpcReply ownCall = other.call(ADD, "Other", AddTwoInts.request(5, 5), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertEquals(10, AddTwoInts.sum(ownCall.payload(AddTwoInts.ALIGNMENT)));
        RpcReply refusal = other.unmatchedReplies().get(0);
        assertEquals(RpcResultCode.INVALID.code(), refusal.header().resultCode());
        assertEquals("Client_1", refusal.header().clientName());
        assertEquals(1, refusal.frame().channel());
        assertEquals(java.util.List.of(), client.unmatchedReplies());
    }

    @Test
    void withMaxClientsEnforced_aFullServiceAnswersBusy_andByDefaultItDoesNot() throws Exception {
        BridgeClient client = startAndRegister("--set", "bridge.rpc.enforce-max-clients=true");
        Registration second = client.register(ADD, "Client_2").get(10, TimeUnit.SECONDS);
        assertEquals(RpcResultCode.BUSY.code(), second.header().resultCode());
        test.close();
        BridgeClient relaxed = startAndRegister();
        Registration allowed = relaxed.register(ADD, "Client_2").get(10, TimeUnit.SECONDS);
        assertTrue(allowed.ok());
        assertEquals(1, allowed.body().clientId());
    }

    @Test
    void unregisteringTheService_endsEveryPendingCallWithError() throws Exception {
        BridgeClient client = startAndRegister();
        CompletableFuture<RpcReply> pending = slowCall(client);
        waitUntilPending(1);
        assertTrue(test.bridge.unregisterService(ADD));
        assertReply(pending.get(10, TimeUnit.SECONDS), 0, RpcStatus.ERROR, 0, RpcResultCode.ERROR, 1);
        RpcReply unserved = client.call(ADD, "Client_1", AddTwoInts.request(1, 1), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertReply(unserved, 1, RpcStatus.ERROR, 0, RpcResultCode.ERROR, 1);
    }

    @Test
    void stoppingTheBridge_sendsAFinalErrorToEveryPendingCall_beforeClosing() throws Exception {
        BridgeClient client = startAndRegister();
        CompletableFuture<RpcReply> pending = slowCall(client);
        waitUntilPending(1);
        test.bridge.close();
        assertReply(pending.get(10, TimeUnit.SECONDS), 0, RpcStatus.ERROR, 0, RpcResultCode.ERROR, 1);
        assertTrue(client.awaitDisconnected(WAIT));
    }

    /** Waits until the slow handler runs: its call is then pending and in flight. */
    private void waitUntilPending(int count) throws Exception {
        assertTrue(slowStarted.await(10, TimeUnit.SECONDS), "the slow handler never started");
        assertEquals(count, test.bridge.stats().pendingCalls());
    }
}
