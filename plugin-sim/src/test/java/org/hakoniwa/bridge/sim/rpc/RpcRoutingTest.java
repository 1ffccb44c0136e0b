package org.hakoniwa.bridge.sim.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.rpc.client.Registration;
import org.hakoniwa.bridge.rpc.client.RpcReply;
import org.hakoniwa.bridge.rpc.header.RpcResultCode;
import org.hakoniwa.bridge.rpc.header.RpcStatus;
import org.hakoniwa.bridge.sim.testkit.AddTwoInts;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many RPC clients at once: every reply goes to its caller, and only to it. */
class RpcRoutingTest {
    private static final String ADD = "Service/Add";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestBridge test;

    @AfterEach
    void stop() {
        test.close();
    }

    private void serveAdd() {
        test.bridge.registerSyncService(ADD, call -> {
            ByteBuffer in = call.littleEndianBody();
            return AddTwoInts.request(in.getLong(0) + in.getLong(8), 0).limit(8);
        });
    }

    @Test
    void tenClients_callingConcurrently_eachGetOnlyTheirOwnSums() throws Exception {
        test = TestBridge.start("--max-clients", "16");
        serveAdd();
        List<BridgeClient> clients = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            BridgeClient client = test.connect(k % 2 == 0 ? FrameForm.V2_304 : FrameForm.V2_200);
            Registration registration = client.register(ADD, "Client_" + k).get(10, TimeUnit.SECONDS);
            assertTrue(registration.ok());
            clients.add(client);
        }
        List<List<CompletableFuture<RpcReply>>> calls = new ArrayList<>();
        for (int round = 0; round < 30; round++) {
            for (int k = 0; k < 10; k++) {
                if (round == 0) {
                    calls.add(new ArrayList<>());
                }
                calls.get(k).add(clients.get(k).call(ADD, "Client_" + k, AddTwoInts.request(k * 1000L, round),
                        AddTwoInts.ALIGNMENT, WAIT));
            }
        }
        for (int k = 0; k < 10; k++) {
            for (int round = 0; round < 30; round++) {
                RpcReply reply = calls.get(k).get(round).get(20, TimeUnit.SECONDS);
                assertEquals("Client_" + k, reply.header().clientName());
                assertEquals(round, reply.header().requestId());
                assertEquals(k * 1000L + round, AddTwoInts.sum(reply.payload(AddTwoInts.ALIGNMENT)));
                assertEquals(clients.get(k).registration(ADD, "Client_" + k).body().responseChannelId(),
                        reply.frame().channel());
            }
            assertEquals(List.of(), clients.get(k).unmatchedReplies(), "client " + k + " got a reply not its own");
        }
    }

    @Test
    void twoClientsUsingRequestId0_atTheSameMoment_eachGetTheirOwnReply() throws Exception {
        test = TestBridge.start("--max-clients", "4");
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        test.bridge.registerSyncService(ADD, call -> {
            bothInFlight.await(10, TimeUnit.SECONDS);
            ByteBuffer in = call.littleEndianBody();
            return AddTwoInts.request(in.getLong(0) + in.getLong(8), 0).limit(8);
        });
        BridgeClient a = test.connect(FrameForm.V2_304);
        BridgeClient b = test.connect(FrameForm.V2_200);
        a.register(ADD, "A").get(10, TimeUnit.SECONDS);
        b.register(ADD, "B").get(10, TimeUnit.SECONDS);
        CompletableFuture<RpcReply> fromA = a.call(ADD, "A", AddTwoInts.request(1, 1), AddTwoInts.ALIGNMENT, WAIT);
        CompletableFuture<RpcReply> fromB = b.call(ADD, "B", AddTwoInts.request(100, 100), AddTwoInts.ALIGNMENT, WAIT);
        RpcReply replyA = fromA.get(20, TimeUnit.SECONDS);
        RpcReply replyB = fromB.get(20, TimeUnit.SECONDS);
        assertEquals(0, replyA.header().requestId());
        assertEquals(0, replyB.header().requestId());
        assertEquals(2, AddTwoInts.sum(replyA.payload(AddTwoInts.ALIGNMENT)));
        assertEquals(200, AddTwoInts.sum(replyB.payload(AddTwoInts.ALIGNMENT)));
        assertEquals("A", replyA.header().clientName());
        assertEquals("B", replyB.header().clientName());
        assertEquals(1, replyA.frame().channel());
        assertEquals(3, replyB.frame().channel());
        assertEquals(List.of(), a.unmatchedReplies());
        assertEquals(List.of(), b.unmatchedReplies());
    }

    @Test
    void oneConnection_mayHoldSeveralRegistrations() throws Exception {
        test = TestBridge.start();
        serveAdd();
        BridgeClient client = test.connect(FrameForm.V2_304);
        Registration first = client.register(ADD, "First").get(10, TimeUnit.SECONDS);
        Registration second = client.register(ADD, "Second").get(10, TimeUnit.SECONDS);
        assertEquals(0, first.body().clientId());
        assertEquals(1, second.body().clientId());
        assertEquals(2, second.body().requestChannelId());
        assertEquals(3, second.body().responseChannelId());
        RpcReply reply = client.call(ADD, "Second", AddTwoInts.request(2, 2), AddTwoInts.ALIGNMENT, WAIT)
                .get(10, TimeUnit.SECONDS);
        assertEquals(RpcStatus.DONE.code(), reply.header().status());
        assertEquals(RpcResultCode.OK.code(), reply.header().resultCode());
        assertEquals(3, reply.frame().channel());
        assertEquals(2, test.bridge.stats().registrations());
    }

    @Test
    void aClientNumberIsReusedOnlyAfterItsRegistrationIsGone() throws Exception {
        test = TestBridge.start("--max-clients", "4");
        BridgeClient a = test.connect(FrameForm.V2_304);
        BridgeClient b = test.connect(FrameForm.V2_304);
        assertEquals(0, a.register(ADD, "A").get(10, TimeUnit.SECONDS).body().clientId());
        assertEquals(1, b.register(ADD, "B").get(10, TimeUnit.SECONDS).body().clientId());
        test.nextConnected();
        test.nextConnected();
        a.close();
        test.nextDisconnected();
        BridgeClient c = test.connect(FrameForm.V2_304);
        Registration reused = c.register(ADD, "C").get(10, TimeUnit.SECONDS);
        assertEquals(0, reused.body().clientId());
        assertEquals(1, reused.frame().channel());
        BridgeClient d = test.connect(FrameForm.V2_304);
        assertEquals(2, d.register(ADD, "D").get(10, TimeUnit.SECONDS).body().clientId());
    }
}
