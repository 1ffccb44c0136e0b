package org.hakoniwa.bridge.pdu.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden frames captured from the real clients (WIRE.md section 9) decode as documented and re-encode byte for byte. */
class FrameCodecFixturesTest {
    private static final FrameCodec CODEC = new FrameCodec();

    /** What WIRE.md section 9 and the file name say about each fixture. */
    record Expected(String file, int size, FrameForm form, MessageType type, String robot, int channel, int bodyLength) {
    }

    static List<Expected> fixtures() {
        return List.of(
                new Expected("v1_declare_read_drone1_ch0.hex", 22, FrameForm.V1, MessageType.DECLARE_PDU_FOR_READ, "drone1", 0, 0),
                new Expected("v1_declare_write_drone1_ch0.hex", 22, FrameForm.V1, MessageType.DECLARE_PDU_FOR_WRITE, "drone1", 0, 0),
                new Expected("v1_pdu_data_drone1_ch0_body_010203.hex", 21, FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, 3),
                new Expected("v1_request_read_drone1_ch0.hex", 22, FrameForm.V1, MessageType.REQUEST_PDU_READ, "drone1", 0, 0),
                new Expected("v2_declare_read_drone1_ch0.hex", 304, FrameForm.V2_304, MessageType.DECLARE_PDU_FOR_READ, "drone1", 0, 0),
                new Expected("v2_pdu_data_drone1_ch0_twist.hex", 376, FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, 72),
                new Expected("v2_rpc_register_reply_service_add_client_1.hex", 612, FrameForm.V2_304, MessageType.PDU_DATA_RPC_REPLY, "Service/Add", 1, 308),
                new Expected("v2_rpc_register_service_add_client_1.hex", 600, FrameForm.V2_304, MessageType.REGISTER_RPC_CLIENT, "Service/Add", -1, 296),
                new Expected("v2_rpc_reply_add_sum_3.hex", 608, FrameForm.V2_304, MessageType.PDU_DATA_RPC_REPLY, "Service/Add", 1, 304),
                new Expected("v2_rpc_request_add_1_2.hex", 616, FrameForm.V2_304, MessageType.PDU_DATA_RPC_REQUEST, "Service/Add", 0, 312),
                new Expected("v2legacy200_pdu_data_Drone_ch9_body_200x07.hex", 400, FrameForm.V2_200, MessageType.PDU_DATA, "Drone", 9, 200));
    }

    @Test
    void fixtureDirectory_holdsExactlyTheDocumentedFixtures() {
        List<String> documented = fixtures().stream().map(Expected::file).sorted().collect(Collectors.toList());

        assertEquals(documented, Fixtures.names());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void decode_fixture_givesTheDocumentedHeader(Expected expected) throws FrameDecodeException {
        ByteBuffer message = Fixtures.load(expected.file());
        assertEquals(expected.size(), message.remaining(), "fixture size");

        Frame frame = CODEC.decode(message);

        assertEquals(expected.form(), frame.form(), "form");
        assertEquals(expected.type(), frame.type(), "type");
        assertEquals(expected.robot(), frame.robot(), "robot");
        assertEquals(expected.channel(), frame.channel(), "channel");
        assertEquals(expected.bodyLength(), frame.bodyLength(), "body length");
        assertEquals(0L, frame.hakoTimeUs(), "hako time");
        assertEquals(0L, frame.assetTimeUs(), "asset time");
        assertEquals(0L, frame.realTimeUs(), "real time");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void detect_fixture_givesTheDocumentedForm(Expected expected) {
        assertEquals(Optional.of(expected.form()), FrameCodec.detect(Fixtures.load(expected.file())));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void encode_decodedFixture_reproducesItByteForByte(Expected expected) throws FrameDecodeException {
        byte[] original = Fixtures.bytes(expected.file());

        ByteBuffer encoded = CODEC.encode(CODEC.decode(ByteBuffer.wrap(original)));

        assertEquals(0, encoded.position());
        assertEquals(Fixtures.toHex(ByteBuffer.wrap(original)), Fixtures.toHex(encoded));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void encodedSize_fixture_isItsLength(Expected expected) {
        int wireBody = expected.form() == FrameForm.V1 && expected.type().isV1Control() ? 4 : expected.bodyLength();
        int nameLength = expected.robot().getBytes(StandardCharsets.UTF_8).length;

        assertEquals(expected.size(), CODEC.encodedSize(expected.form(), nameLength, wireBody));
    }

    @Test
    void decode_twist_hasLinearXAndAngularZOfTwo() throws FrameDecodeException {
        ByteBuffer body = CODEC.decode(Fixtures.load("v2_pdu_data_drone1_ch0_twist")).body();

        assertMetaData(body, 72);
        double[] expected = {2.0, 0.0, 0.0, 0.0, 0.0, 2.0}; // linear x y z, angular x y z
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], body.getDouble(24 + 8 * i), "field " + i + " at body offset " + (24 + 8 * i));
        }
    }

    @Test
    void decode_legacy200_hasTwoHundredBytesOfSeven() throws FrameDecodeException {
        byte[] sevens = new byte[200];
        Arrays.fill(sevens, (byte) 7);

        assertArrayEquals(sevens, CODEC.decode(Fixtures.load("v2legacy200_pdu_data_Drone_ch9_body_200x07")).bodyBytes());
    }

    @Test
    void decode_v1PduData_hasBody010203() throws FrameDecodeException {
        assertArrayEquals(new byte[] {1, 2, 3}, CODEC.decode(Fixtures.load("v1_pdu_data_drone1_ch0_body_010203")).bodyBytes());
    }

    @Test
    void decode_v1AndV2DeclareRead_differOnlyInForm() throws FrameDecodeException {
        Frame v1 = CODEC.decode(Fixtures.load("v1_declare_read_drone1_ch0"));
        Frame v2 = CODEC.decode(Fixtures.load("v2_declare_read_drone1_ch0"));

        assertEquals(v2, new Frame(FrameForm.V2_304, v1.type(), v1.robot(), v1.channel(), v1.body(),
                v1.hakoTimeUs(), v1.assetTimeUs(), v1.realTimeUs()));
    }

    @Test
    void decode_rpcRegister_carriesRequestHeaderForServiceAddClient1() throws FrameDecodeException {
        ByteBuffer body = CODEC.decode(Fixtures.load("v2_rpc_register_service_add_client_1")).body();

        assertMetaData(body, 296);
        assertRequestHeader(body, 0);
        assertEquals(0, body.getInt(24 + 268), "RegisterClientRequest.dummy");
    }

    @Test
    void decode_rpcRegisterReply_givesClient0Channels0And1() throws FrameDecodeException {
        ByteBuffer body = CODEC.decode(Fixtures.load("v2_rpc_register_reply_service_add_client_1")).body();

        assertMetaData(body, 308);
        assertResponseHeader(body, 0, 0, 0, 0);
        assertEquals(0, body.getInt(24 + 268), "service_id");
        assertEquals(0, body.getInt(24 + 272), "client_id");
        assertEquals(0, body.getInt(24 + 276), "request_channel_id");
        assertEquals(1, body.getInt(24 + 280), "response_channel_id");
    }

    @Test
    void decode_rpcRequest_addsOneAndTwo() throws FrameDecodeException {
        ByteBuffer body = CODEC.decode(Fixtures.load("v2_rpc_request_add_1_2")).body();

        assertMetaData(body, 312);
        assertRequestHeader(body, 0);
        assertEquals(1L, body.getLong(24 + 272), "a");
        assertEquals(2L, body.getLong(24 + 280), "b");
    }

    @Test
    void decode_rpcReply_isDoneWithSumThree() throws FrameDecodeException {
        ByteBuffer body = CODEC.decode(Fixtures.load("v2_rpc_reply_add_sum_3")).body();

        assertMetaData(body, 304);
        assertResponseHeader(body, 0, 3, 100, 0);
        assertEquals(3L, body.getLong(24 + 272), "sum");
    }

    private static void assertMetaData(ByteBuffer body, int totalSize) {
        assertEquals(0x12345678, body.getInt(0), "PduMetaData magic");
        assertEquals(1, body.getInt(4), "PduMetaData version");
        assertEquals(24, body.getInt(8), "PduMetaData base_off");
        assertEquals(totalSize, body.getInt(16), "PduMetaData total_size");
        assertTrue(body.getInt(12) <= totalSize, "PduMetaData heap_off within total_size");
    }

    private static void assertRequestHeader(ByteBuffer body, int requestId) {
        assertEquals(requestId, body.getInt(24), "request_id");
        assertEquals("Service/Add", cString(body, 24 + 4), "service_name");
        assertEquals("Client_1", cString(body, 24 + 132), "client_name");
        assertEquals(0, body.get(24 + 260), "opcode REQUEST");
    }

    private static void assertResponseHeader(ByteBuffer body, int requestId, int status, int percentage, int result) {
        assertEquals(requestId, body.getInt(24), "request_id");
        assertEquals("Service/Add", cString(body, 24 + 4), "service_name");
        assertEquals("Client_1", cString(body, 24 + 132), "client_name");
        assertEquals(status, body.get(24 + 260), "status");
        assertEquals(percentage, body.get(24 + 261) & 0xFF, "processing_percentage");
        assertEquals(result, body.getInt(24 + 264), "result_code");
    }

    /** A NUL-terminated char[128] at the offset. */
    private static String cString(ByteBuffer buffer, int offset) {
        int length = 0;
        while (length < 128 && buffer.get(offset + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
