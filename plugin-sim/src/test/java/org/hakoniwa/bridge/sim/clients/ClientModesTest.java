package org.hakoniwa.bridge.sim.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.testkit.LogCapture;
import org.hakoniwa.bridge.pdu.testkit.RawWebSocketClient;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.hakoniwa.bridge.sim.testkit.TestBridge;
import org.hakoniwa.bridge.spi.ClientId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** bridge.max-clients and bridge.multi-client-enabled as a user sets them, and the inbound size limit. */
class ClientModesTest {
    /** Connects one more raw client and returns the close code it gets at once (refused), or -1 if admitted. */
    private static int closeCodeOfAnotherClient(TestBridge test) throws Exception {
        try (RawWebSocketClient extra = RawWebSocketClient.connect(test.bridge.address().getPort(), 0)) {
            RawWebSocketClient.Frame frame = extra.readFrame();
            return frame.opcode() == RawWebSocketClient.OP_CLOSE ? RawWebSocketClient.closeCode(frame) : -1;
        }
    }

    @ParameterizedTest(name = "{0}: {1} clients admitted, then refused with {2}")
    @CsvSource(delimiter = '|', value = {
        "''                                                      | 1 | 1000",
        "--max-clients 3                                         | 3 | 1013",
        "--max-clients 5 --set bridge.multi-client-enabled=false | 1 | 1000",
        "--set bridge.multi-client-enabled=true                  | 1 | 1013",
        "--multi-client --max-clients 2                          | 2 | 1013"})
    void admission_followsTheFlags(String options, int admitted, int refusalCode) throws Exception {
        String[] args = options.isBlank() ? new String[0] : options.trim().split("\\s+");
        try (LogCapture logs = new LogCapture(); TestBridge test = TestBridge.start(args)) {
            for (int i = 0; i < admitted; i++) {
                test.connect(FrameForm.V2_304);
                test.nextConnected();
            }
            assertEquals(refusalCode, closeCodeOfAnotherClient(test));
            assertEquals(admitted, test.bridge.stats().clientCount(), "the admitted clients are unaffected");
            String mode = admitted == 1 && refusalCode == 1000 ? "single-client" : "multi-client (up to " + admitted;
            assertEquals(1, logs.containing("Hakoniwa bridge ready on").stream()
                    .filter(e -> e.getFormattedMessage().contains(mode)).count(), "start-up line names the mode");
            ILoggingEvent refused = logs.containing("refused with " + refusalCode).get(0);
            assertTrue(refused.getFormattedMessage().startsWith("client ws"), refused.getFormattedMessage());
        }
    }

    @Test
    void defaultMode_keepsServingTheFirstClient_whileASecondIsRefused() throws Exception {
        try (TestBridge test = TestBridge.start()) {
            BridgeClient first = test.connect(FrameForm.V2_304);
            test.nextConnected();
            test.bridge.publish("drone1", "pos", new Twist(1, 0, 0, 0, 0, 0).encode());
            assertEquals(1000, closeCodeOfAnotherClient(test));
            first.declareRead("drone1", 0);
            assertEquals(1.0, Twist.decode(first.awaitPdu(Duration.ofSeconds(10)).body()).linearX());
        }
    }

    @Test
    void aMessageOverTheInboundLimit_closesThatClientWith1009_andOnlyThatOne() throws Exception {
        try (LogCapture logs = new LogCapture();
                TestBridge test = TestBridge.start("--max-clients", "4", "--set", "bridge.max-message-size=2048")) {
            BridgeClient bystander = test.connect(FrameForm.V2_304);
            test.nextConnected();
            try (RawWebSocketClient big = RawWebSocketClient.connect(test.bridge.address().getPort(), 0)) {
                ClientId bigId = test.nextConnected();
                big.sendBinary(new byte[4096]);
                RawWebSocketClient.Frame close = big.readFrame();
                assertEquals(1009, RawWebSocketClient.closeCode(close));
                assertEquals(bigId, test.nextDisconnected());
                ILoggingEvent line = logs.containing("client " + bigId + " disconnected: code 1009").get(0);
                assertEquals(bigId.value(), line.getMDCPropertyMap().get("client_id"));
            }
            test.bridge.publish("drone1", "pos", new Twist(3, 0, 0, 0, 0, 0).encode());
            bystander.declareRead("drone1", 0);
            assertEquals(3.0, Twist.decode(bystander.awaitPdu(Duration.ofSeconds(10)).body()).linearX());
        }
    }
}
