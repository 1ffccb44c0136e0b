package org.hakoniwa.bridge.sim.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.testkit.RawWebSocketClient;
import org.hakoniwa.bridge.rpc.header.RequestHeader;
import org.hakoniwa.bridge.rpc.header.RpcBodies;
import org.hakoniwa.bridge.sim.host.BridgeStats;
import org.hakoniwa.bridge.sim.testkit.AddTwoInts;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.junit.jupiter.api.Test;

/** A thousand RPC clients come, register, call and go, some in the middle of a call: no route is left behind. */
class RpcCleanupTest {
    private static final String ADD = "Service/Add";
    private static final int CYCLES = 1000;
    private static final long SLOW = 1000;

    @Test
    void thousandConnectRegisterCallDisconnectCycles_includingDropsMidCall_leaveTheRouteStoreEmpty() throws Exception {
        try (TestBridge test = TestBridge.start("--max-clients", "4")) {
            CountDownLatch never = new CountDownLatch(1);
            test.bridge.registerSyncService(ADD, call -> {
                ByteBuffer in = call.littleEndianBody();
                if (in.getLong(0) == SLOW) {
                    never.await();
                }
                return AddTwoInts.request(in.getLong(0) + in.getLong(8), 0).limit(8);
            });
            FrameCodec codec = new FrameCodec();
            int port = test.bridge.address().getPort();
            int droppedMidCall = 0;
            for (int i = 0; i < CYCLES; i++) {
                String name = "Client_" + i;
                try (RawWebSocketClient client = RawWebSocketClient.connect(port, 0)) {
                    client.sendBinary(frame(codec, MessageType.REGISTER_RPC_CLIENT, -1,
                            RpcBodies.encodeRegisterRequest(new RequestHeader(0, ADD, name, 0, 0))));
                    Frame registered = codec.decode(ByteBuffer.wrap(client.readBinary()));
                    int requestChannel = RpcBodies.registerResponse(registered.body()).requestChannelId();
                    boolean midCall = i % 3 == 0;
                    client.sendBinary(frame(codec, MessageType.PDU_DATA_RPC_REQUEST, requestChannel,
                            RpcBodies.encodeRequest(new RequestHeader(0, ADD, name, 0, 10),
                                    AddTwoInts.request(midCall ? SLOW : i, 1), AddTwoInts.ALIGNMENT)));
                    if (midCall) {
                        droppedMidCall++;
                        client.dropAbruptly();
                    } else {
                        client.readBinary();
                        if (i % 2 == 0) {
                            client.sendFrame(RawWebSocketClient.OP_CLOSE, new byte[] {0x03, (byte) 0xE8});
                        }
                    }
                }
                test.nextDisconnected();
            }
            BridgeStats stats = test.bridge.stats();
            assertEquals(0, stats.registrations());
            assertEquals(0, stats.pendingCalls());
            assertEquals(0, stats.clientCount());
            assertTrue(droppedMidCall > 300);
        }
    }

    private static byte[] frame(FrameCodec codec, MessageType type, int channel, ByteBuffer body) {
        ByteBuffer encoded = codec.encode(FrameForm.V2_304, type, ADD, channel, body, 0, 0, 0);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
