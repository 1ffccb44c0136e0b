package org.hakoniwa.bridge.sim.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.testkit.RawWebSocketClient;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.hakoniwa.bridge.sim.host.BridgeStats;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.junit.jupiter.api.Test;

/** A thousand clients come, subscribe and go, politely or not: nothing of them remains. */
class CleanupTest {
    private static final int CYCLES = 1000;

    @Test
    void thousandConnectDeclareDisconnectCycles_includingAbruptDrops_leaveNothingBehind() throws Exception {
        try (TestBridge test = TestBridge.start("--max-clients", "4")) {
            test.bridge.publish("drone1", "pos", new Twist(1, 0, 0, 0, 0, 0).encode());
            FrameCodec codec = new FrameCodec();
            byte[] declareDrone1 = bytes(codec.encode(FrameForm.V2_304, MessageType.DECLARE_PDU_FOR_READ, "drone1", 0,
                    ByteBuffer.allocate(0), 0, 0, 0));
            byte[] declareDrone2 = bytes(codec.encode(FrameForm.V2_200, MessageType.DECLARE_PDU_FOR_READ, "drone2", 0,
                    ByteBuffer.allocate(0), 0, 0, 0));
            int port = test.bridge.address().getPort();
            for (int i = 0; i < CYCLES; i++) {
                RawWebSocketClient client = RawWebSocketClient.connect(port, 0);
                client.sendBinary(i % 2 == 0 ? declareDrone2 : declareDrone1);
                client.sendBinary(declareDrone1);
                client.readBinary(); // the last value of drone1: both declares are in force
                switch (i % 3) {
                    case 0 -> client.dropAbruptly();
                    case 1 -> {
                        client.sendFrame(RawWebSocketClient.OP_CLOSE, new byte[] {0x03, (byte) 0xE8});
                        client.close();
                    }
                    default -> client.close();
                }
                test.nextDisconnected();
            }
            BridgeStats stats = test.bridge.stats();
            assertEquals(0, stats.clientCount());
            assertEquals(0, stats.topics());
            assertEquals(0, stats.subscriptions());
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
