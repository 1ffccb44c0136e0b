package org.hakoniwa.bridge.pdu.codec;

import static org.hakoniwa.bridge.pdu.codec.Crafted.bytes;
import static org.hakoniwa.bridge.pdu.codec.Crafted.filled;
import static org.hakoniwa.bridge.pdu.codec.Crafted.leInt;
import static org.hakoniwa.bridge.pdu.codec.Crafted.resized;
import static org.hakoniwa.bridge.pdu.codec.Crafted.v1;
import static org.hakoniwa.bridge.pdu.codec.Crafted.withBytes;
import static org.hakoniwa.bridge.pdu.codec.Crafted.withInt;
import static org.hakoniwa.bridge.pdu.codec.Crafted.withShort;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection, decoding and encoding rules of WIRE.md section 2, one behaviour per test. */
class FrameCodecTest {
    private static final FrameCodec CODEC = new FrameCodec();
    private static final byte[] V2_DECLARE = Fixtures.bytes("v2_declare_read_drone1_ch0");
    private static final byte[] TWIST = Fixtures.bytes("v2_pdu_data_drone1_ch0_twist");
    private static final byte[] LEGACY = Fixtures.bytes("v2legacy200_pdu_data_Drone_ch9_body_200x07");
    private static final byte[] DRONE1 = "drone1".getBytes(StandardCharsets.US_ASCII);
    private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0);

    // ---- detection (WIRE.md 2.2) ----

    @Test
    void detect_conditionsOfBothV2Forms_prefers304Form() {
        byte[] both = withShort(withInt(LEGACY, 128, 0x48414B4F), 132, 2);

        assertEquals(Optional.of(FrameForm.V2_304), FrameCodec.detect(ByteBuffer.wrap(both)));
    }

    @Test
    void detect_v2FrameThatAlsoParsesAsV1_isV2() {
        byte[] both = withInt(withInt(V2_DECLARE, 0, 14), 4, 6); // header_len 14, name_len 6

        assertEquals(Optional.of(FrameForm.V2_304), FrameCodec.detect(ByteBuffer.wrap(both)));
    }

    @Test
    void detect_v2MagicWithWrongVersionInAValidV1Frame_isV1() {
        byte[] body = new byte[300];
        byte[] v1 = v1(14, DRONE1, 0, body);
        v1 = withShort(withInt(v1, 128, 0x48414B4F), 132, 3);

        assertEquals(Optional.of(FrameForm.V1), FrameCodec.detect(ByteBuffer.wrap(v1)));
    }

    @Test
    void detect_legacyMagicsWithoutPduMetaDataVersion1_isNotLegacy() {
        assertEquals(Optional.empty(), FrameCodec.detect(ByteBuffer.wrap(withInt(LEGACY, 4, 2))));
    }

    @Test
    void detect_garbageAndEmpty_isEmpty() {
        assertEquals(Optional.empty(), FrameCodec.detect(ByteBuffer.wrap(filled(400, 0xAB))));
        assertEquals(Optional.empty(), FrameCodec.detect(ByteBuffer.allocate(0)));
    }

    @Test
    void detect_bodyPastEnd_stillNamesTheForm() {
        assertEquals(Optional.of(FrameForm.V2_304), FrameCodec.detect(ByteBuffer.wrap(withInt(TWIST, 148, -1))));
    }

    @Test
    void detect_leavesTheBufferAsFound() {
        ByteBuffer message = embedded(TWIST, 7, 5).order(ByteOrder.BIG_ENDIAN);

        assertEquals(Optional.of(FrameForm.V2_304), FrameCodec.detect(message));
        assertEquals(7, message.position());
        assertEquals(7 + TWIST.length, message.limit());
        assertEquals(ByteOrder.BIG_ENDIAN, message.order());
    }

    // ---- decode failures: every DecodeFailure, with its message ----

    record Broken(String name, byte[] message, DecodeFailure failure, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Broken> brokenFrames() {
        byte[] declare400 = resized(V2_DECLARE, 400);
        return List.of(
                new Broken("emptyMessage_failsEmpty", new byte[0], DecodeFailure.EMPTY, "empty message"),
                new Broken("truncatedV2Header_failsTooShort", resized(TWIST, 200), DecodeFailure.TOO_SHORT,
                        "frame of 200 bytes is too short for a v2 header (304 bytes)"),
                new Broken("v2HeaderCutBeforeItsMagic_failsTooShort", resized(TWIST, 120), DecodeFailure.TOO_SHORT,
                        "frame of 120 bytes is too short for a v2 header (304 bytes) and is not v1: "
                                + "name_len 12645 runs past the end"),
                new Broken("fiveBytes_failsTooShort", bytes(1, 2, 3, 4, 5), DecodeFailure.TOO_SHORT,
                        "frame of 5 bytes is too short for a v2 header (304 bytes) and is not v1: "
                                + "a v1 header needs 12 bytes"),
                new Broken("v1HeaderLenBelowNameEnd_failsTooShort", v1(13, DRONE1, 0, bytes(1, 2, 3)),
                        DecodeFailure.TOO_SHORT, "frame of 21 bytes is too short for a v2 header (304 bytes) and is "
                                + "not v1: header_len 13 is not between 8 + name_len (14) and the frame length"),
                new Broken("truncatedLegacyHeader_failsTooShort", resized(LEGACY, 150), DecodeFailure.TOO_SHORT,
                        "frame of 150 bytes is too short for a legacy v2 header (200 bytes)"),
                new Broken("fourHundredBytesOfAB_failsUnrecognisedForm", filled(400, 0xAB),
                        DecodeFailure.UNRECOGNISED_FORM, "frame of 400 bytes has no v2 magic at offset 128 or 28 "
                                + "and is not v1: name_len 2880154539 runs past the end"),
                new Broken("fourHundredZeros_failsUnrecognisedForm", new byte[400], DecodeFailure.UNRECOGNISED_FORM,
                        "frame of 400 bytes has no v2 magic at offset 128 or 28 and is not v1: "
                                + "header_len 0 is not between 8 + name_len (8) and the frame length"),
                new Broken("legacyWithWrongHakoMagic_failsBadMagic", withInt(LEGACY, 28, 0x48414B4E),
                        DecodeFailure.BAD_MAGIC, "legacy v2 header magic 0x48414B4E at offset 28, expected 0x48414B4F"),
                new Broken("legacyWithWrongPduMetaDataMagic_failsBadMagic", withInt(LEGACY, 0, 0x12345679),
                        DecodeFailure.BAD_MAGIC,
                        "legacy v2 header PduMetaData magic 0x12345679 at offset 0, expected 0x12345678"),
                new Broken("v2Version3_failsBadVersion", withShort(V2_DECLARE, 132, 3), DecodeFailure.BAD_VERSION,
                        "v2 header version 3 at offset 132, expected 2"),
                new Broken("legacyPduMetaDataVersion2_failsBadVersion", withInt(LEGACY, 4, 2),
                        DecodeFailure.BAD_VERSION, "legacy v2 header PduMetaData version 2 at offset 4, expected 1"),
                new Broken("legacyV2Version1_failsBadVersion", withShort(LEGACY, 32, 1), DecodeFailure.BAD_VERSION,
                        "legacy v2 header version 1 at offset 32, expected 2"),
                new Broken("v2BodyLen500In400Bytes_failsBodyPastEnd", withInt(declare400, 148, 500),
                        DecodeFailure.BODY_PAST_END, "body_len 500 runs past the end of the 400-byte frame"),
                new Broken("v2BodyLenOneTooMany_failsBodyPastEnd", withInt(TWIST, 148, 73),
                        DecodeFailure.BODY_PAST_END, "body_len 73 runs past the end of the 376-byte frame"),
                new Broken("v2BodyLenFFFFFFFF_failsBodyPastEnd", withInt(TWIST, 148, 0xFFFFFFFF),
                        DecodeFailure.BODY_PAST_END, "body_len 4294967295 runs past the end of the 376-byte frame"),
                new Broken("legacyBodyLenOneTooMany_failsBodyPastEnd", withInt(LEGACY, 196, 201),
                        DecodeFailure.BODY_PAST_END, "body_len 201 runs past the end of the 400-byte frame"),
                new Broken("v2NameWithByteFF_failsNameNotUtf8", withBytes(V2_DECLARE, 2, (byte) 0xFF),
                        DecodeFailure.NAME_NOT_UTF8, "robot name of 6 bytes at offset 0 is not valid UTF-8"),
                new Broken("legacyNameWithOverlongNul_failsNameNotUtf8", withBytes(LEGACY, 64, bytes(0xC0, 0x80)),
                        DecodeFailure.NAME_NOT_UTF8, "robot name of 5 bytes at offset 64 is not valid UTF-8"),
                new Broken("v1NameWithEncodedSurrogate_failsNameNotUtf8",
                        v1(14, bytes(0xED, 0xA0, 0x80, 'a', 'b', 'c'), 0, bytes(1, 2, 3)),
                        DecodeFailure.NAME_NOT_UTF8, "robot name of 6 bytes at offset 8 is not valid UTF-8"),
                new Broken("v2TypeZero_failsUnknownType", withInt(V2_DECLARE, 140, 0), DecodeFailure.UNKNOWN_TYPE,
                        "unknown meta_request_type 0x00000000"),
                new Broken("legacyTypeDeadBeef_failsUnknownType", withInt(LEGACY, 36, 0xDEADBEEF),
                        DecodeFailure.UNKNOWN_TYPE, "unknown meta_request_type 0xDEADBEEF"));
    }

    @ParameterizedTest(name = "decode_{0}")
    @MethodSource("brokenFrames")
    void decode_brokenFrame_failsWithItsReasonAndMessage(Broken broken) {
        FrameDecodeException e = assertThrows(FrameDecodeException.class,
                () -> CODEC.decode(ByteBuffer.wrap(broken.message())));

        assertEquals(broken.failure(), e.failure());
        assertEquals(broken.error(), e.getMessage());
    }

    @Test
    void brokenFrames_reachEveryDecodeFailure() {
        Set<DecodeFailure> reached = brokenFrames().stream().map(Broken::failure)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DecodeFailure.class)));

        assertEquals(EnumSet.allOf(DecodeFailure.class), reached);
    }

    @Test
    void decode_failure_leavesTheBufferAsFound() {
        ByteBuffer message = embedded(withInt(TWIST, 148, 0xFFFFFFFF), 3, 9);

        assertThrows(FrameDecodeException.class, () -> CODEC.decode(message));
        assertEquals(3, message.position());
        assertEquals(3 + TWIST.length, message.limit());
    }

    // ---- decode: what is accepted ----

    @Test
    void decode_v2NameFieldWithoutNul_takesAll128Bytes() throws FrameDecodeException {
        byte[] name = filled(128, 'a');

        assertEquals("a".repeat(128), decode(withBytes(V2_DECLARE, 0, name)).robot());
    }

    @Test
    void decode_v2NameField_endsAtTheFirstNul() throws FrameDecodeException {
        assertEquals("drone1", decode(withBytes(V2_DECLARE, 7, bytes('x', 'y'))).robot());
    }

    @Test
    void decode_v2NameInUtf8_isDecoded() throws FrameDecodeException {
        byte[] name = "ドローン🚁".getBytes(StandardCharsets.UTF_8);

        assertEquals("ドローン🚁", decode(withBytes(V2_DECLARE, 0, name)).robot());
    }

    @Test
    void decode_bytesAfterTheV2Body_areIgnored() throws FrameDecodeException {
        byte[] extended = withBytes(resized(TWIST, 500), 376, filled(124, 0xEE));

        assertEquals(decode(TWIST), decode(extended));
        assertEquals(72, decode(extended).bodyLength());
    }

    @Test
    void decode_v2TotalLenFlagsAndPadding_areNotChecked() throws FrameDecodeException {
        byte[] odd = withInt(TWIST, 144, 0);
        odd = withBytes(odd, 134, filled(6, 0xFF));
        odd = withBytes(odd, 180, filled(124, 0xFF));

        assertEquals(decode(TWIST), decode(odd));
    }

    @Test
    void decode_legacyPduMetaDataOffsetsAndTotalLen_areNotChecked() throws FrameDecodeException {
        byte[] odd = withInt(withInt(withInt(withInt(LEGACY, 8, 99), 12, 0), 16, -1), 24, 0);

        assertEquals(decode(LEGACY), decode(odd));
    }

    @Test
    void decode_v2Times_areRead() throws FrameDecodeException {
        byte[] timed = withInt(withInt(withInt(TWIST, 152, 1), 160, 2), 168, 3);
        timed = withInt(timed, 172, 0x80000000);

        Frame frame = decode(timed);

        assertEquals(1L, frame.hakoTimeUs());
        assertEquals(2L, frame.assetTimeUs());
        assertEquals(Long.MIN_VALUE + 3, frame.realTimeUs());
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 17, 18, 21})
    void decode_v1HeaderLenFrom8PlusNameLenToFrameLength_isAccepted(int headerLen) throws FrameDecodeException {
        Frame frame = decode(v1(headerLen, DRONE1, 0, bytes(1, 2, 3)));

        assertEquals(Frame.of(FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.wrap(bytes(1, 2, 3))), frame);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 13, 22, 0x7FFFFFFF, 0xFFFFFFFF})
    void decode_v1HeaderLenOutsideThatRange_isNotV1(int headerLen) {
        FrameDecodeException e = assertThrows(FrameDecodeException.class,
                () -> decode(v1(headerLen, DRONE1, 0, bytes(1, 2, 3))));

        assertEquals(DecodeFailure.TOO_SHORT, e.failure());
        assertEquals("frame of 21 bytes is too short for a v2 header (304 bytes) and is not v1: header_len "
                + Integer.toUnsignedString(headerLen) + " is not between 8 + name_len (14) and the frame length",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 0xFFFFFFFF})
    void decode_v1NameLenPastTheChannel_isNotV1(int nameLen) {
        byte[] message = withInt(v1(14, DRONE1, 0, bytes(1, 2, 3)), 4, nameLen);

        FrameDecodeException e = assertThrows(FrameDecodeException.class, () -> decode(message));

        assertEquals("frame of 21 bytes is too short for a v2 header (304 bytes) and is not v1: name_len "
                + Integer.toUnsignedString(nameLen) + " runs past the end", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"DECLARE_PDU_FOR_READ", "DECLARE_PDU_FOR_WRITE", "REQUEST_PDU_READ"})
    void decode_v1FourByteBodyEqualToAControlCode_isThatControlWithEmptyBody(MessageType control)
            throws FrameDecodeException {
        Frame frame = decode(v1(14, DRONE1, 5, leInt(control.code())));

        assertEquals(Frame.of(FrameForm.V1, control, "drone1", 5, NO_BODY), frame);
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"PDU_DATA", "REGISTER_RPC_CLIENT", "PDU_DATA_RPC_REQUEST",
        "PDU_DATA_RPC_REPLY", "BRIDGE_EXTENSION"})
    void decode_v1FourByteBodyEqualToANonControlCode_isPduData(MessageType other) throws FrameDecodeException {
        Frame frame = decode(v1(14, DRONE1, 0, leInt(other.code())));

        assertEquals(MessageType.PDU_DATA, frame.type());
        assertArrayEquals(leInt(other.code()), frame.bodyBytes());
    }

    @Test
    void decode_v1ControlCodeInABodyOfOtherLength_isPduData() throws FrameDecodeException {
        byte[] five = withBytes(new byte[5], 0, leInt(MessageType.DECLARE_PDU_FOR_READ.code()));
        byte[] three = bytes(0x44, 0x50, 0x45);

        assertEquals(MessageType.PDU_DATA, decode(v1(14, DRONE1, 0, five)).type());
        assertEquals(MessageType.PDU_DATA, decode(v1(14, DRONE1, 0, three)).type());
    }

    @Test
    void decode_v1ControlCodeInBigEndian_isPduData() throws FrameDecodeException {
        byte[] bigEndian = ByteBuffer.allocate(4).putInt(MessageType.DECLARE_PDU_FOR_READ.code()).array();

        assertEquals(MessageType.PDU_DATA, decode(v1(14, DRONE1, 0, bigEndian)).type());
    }

    @Test
    void decode_v1EmptyNameAndBody_isPduData() throws FrameDecodeException {
        assertEquals(Frame.of(FrameForm.V1, MessageType.PDU_DATA, "", -3, NO_BODY),
                decode(v1(8, new byte[0], -3, new byte[0])));
    }

    @Test
    void decode_bufferInTheMiddleOfOthers_decodesItsRemainingBytesAndLeavesItAsFound() throws FrameDecodeException {
        ByteBuffer message = embedded(TWIST, 11, 13).order(ByteOrder.BIG_ENDIAN);

        Frame frame = CODEC.decode(message);

        assertEquals(decode(TWIST), frame);
        assertEquals(11, message.position());
        assertEquals(11 + TWIST.length, message.limit());
        assertEquals(ByteOrder.BIG_ENDIAN, message.order());
    }

    @Test
    void decode_directAndReadOnlyBuffers_decodeAlike() throws FrameDecodeException {
        ByteBuffer direct = ByteBuffer.allocateDirect(LEGACY.length).put(LEGACY).flip();

        assertEquals(decode(LEGACY), CODEC.decode(direct));
        assertEquals(decode(LEGACY), CODEC.decode(ByteBuffer.wrap(LEGACY).asReadOnlyBuffer()));
    }

    @Test
    void decode_body_isAReadOnlySliceOfTheMessageNotACopy() throws FrameDecodeException {
        byte[] message = TWIST.clone();
        Frame frame = decode(message);

        message[304 + 24] = 42;

        assertTrue(frame.body().isReadOnly());
        assertEquals(42, frame.body().get(24));
    }

    // ---- encode ----

    @Test
    void encode_bodyOverTheLimit_refusesNamingSizeAndLimit() {
        FrameEncodeException e = assertThrows(FrameEncodeException.class, () -> CODEC.encode(
                Frame.of(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.allocate(1_048_577))));

        assertEquals(EncodeFailure.TOO_LARGE, e.reason());
        assertEquals("frame of 1048881 bytes exceeds the limit of 1048576 bytes (robot drone1, channel 0, "
                + "body 1048577 bytes)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void encode_frameOfExactlyTheLimit_passesAndOneByteMore_fails(FrameForm form) throws FrameDecodeException {
        int fits = FrameCodec.DEFAULT_MAX_FRAME_BYTES - CODEC.encodedSize(form, DRONE1.length, 0);

        ByteBuffer encoded = CODEC.encode(Frame.of(form, MessageType.PDU_DATA, "drone1", 2, ByteBuffer.allocate(fits)));
        FrameEncodeException e = assertThrows(FrameEncodeException.class, () -> CODEC.encode(
                Frame.of(form, MessageType.PDU_DATA, "drone1", 2, ByteBuffer.allocate(fits + 1))));

        assertEquals(FrameCodec.DEFAULT_MAX_FRAME_BYTES, encoded.remaining());
        assertEquals(fits, CODEC.decode(encoded).bodyLength());
        assertEquals(EncodeFailure.TOO_LARGE, e.reason());
        assertEquals("frame of 1048577 bytes exceeds the limit of 1048576 bytes (robot drone1, channel 2, body "
                + (fits + 1) + " bytes)", e.getMessage());
    }

    @Test
    void encode_withASmallerLimit_appliesThatLimit() {
        FrameCodec small = new FrameCodec(304);

        assertEquals(304, small.maxFrameBytes());
        assertEquals(304, small.encode(Frame.of(FrameForm.V2_304, MessageType.DECLARE_PDU_FOR_READ, "d", 0, NO_BODY))
                .remaining());
        FrameEncodeException e = assertThrows(FrameEncodeException.class, () -> small.encode(
                Frame.of(FrameForm.V2_304, MessageType.PDU_DATA, "d", 0, ByteBuffer.allocate(1))));
        assertEquals("frame of 305 bytes exceeds the limit of 304 bytes (robot d, channel 0, body 1 bytes)",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = FrameForm.class, names = {"V2_304", "V2_200"})
    void encode_v2NameOf127Bytes_roundTrips(FrameForm form) throws FrameDecodeException {
        for (String name : List.of("a".repeat(127), "é".repeat(63) + "a")) {
            Frame frame = Frame.of(form, MessageType.PDU_DATA, name, 1, ByteBuffer.wrap(bytes(9)));

            assertEquals(frame, CODEC.decode(CODEC.encode(frame)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = FrameForm.class, names = {"V2_304", "V2_200"})
    void encode_v2NameOf128Bytes_refusesNameTooLong(FrameForm form) {
        String name = "a".repeat(128);
        FrameEncodeException e = assertThrows(FrameEncodeException.class,
                () -> CODEC.encode(Frame.of(form, MessageType.PDU_DATA, name, 1, NO_BODY)));
        FrameEncodeException utf8 = assertThrows(FrameEncodeException.class,
                () -> CODEC.encode(Frame.of(form, MessageType.PDU_DATA, "é".repeat(64), 1, NO_BODY)));

        assertEquals(EncodeFailure.NAME_TOO_LONG, e.reason());
        assertEquals("robot name of 128 UTF-8 bytes exceeds the 127 a v2 frame can carry: " + name, e.getMessage());
        assertEquals(EncodeFailure.NAME_TOO_LONG, utf8.reason());
    }

    @Test
    void encode_v1NameLongerThan127Bytes_roundTrips() throws FrameDecodeException {
        Frame frame = Frame.of(FrameForm.V1, MessageType.PDU_DATA, "r".repeat(300), 4, ByteBuffer.wrap(bytes(1)));

        assertEquals(frame, CODEC.decode(CODEC.encode(frame)));
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"REGISTER_RPC_CLIENT", "PDU_DATA_RPC_REQUEST", "PDU_DATA_RPC_REPLY",
        "BRIDGE_EXTENSION"})
    void encode_typeV1CannotCarry_refusesNotRepresentable(MessageType type) {
        FrameEncodeException e = assertThrows(FrameEncodeException.class,
                () -> CODEC.encode(Frame.of(FrameForm.V1, type, "drone1", 0, NO_BODY)));

        assertEquals(EncodeFailure.NOT_REPRESENTABLE, e.reason());
        assertEquals("a v1 frame cannot carry " + type + " (only PDU_DATA, DECLARE_PDU_FOR_READ, "
                + "DECLARE_PDU_FOR_WRITE and REQUEST_PDU_READ)", e.getMessage());
    }

    @Test
    void encode_v1ControlWithABody_refusesNotRepresentable() {
        FrameEncodeException e = assertThrows(FrameEncodeException.class, () -> CODEC.encode(
                Frame.of(FrameForm.V1, MessageType.DECLARE_PDU_FOR_WRITE, "drone1", 0, ByteBuffer.wrap(bytes(1, 2, 3)))));

        assertEquals(EncodeFailure.NOT_REPRESENTABLE, e.reason());
        assertEquals("a v1 DECLARE_PDU_FOR_WRITE carries no body, got 3 bytes", e.getMessage());
    }

    @Test
    void encode_v1PduDataThatWouldReadAsAControl_refusesButV2CarriesIt() throws FrameDecodeException {
        ByteBuffer body = ByteBuffer.wrap(leInt(MessageType.REQUEST_PDU_READ.code())).order(ByteOrder.BIG_ENDIAN);

        FrameEncodeException e = assertThrows(FrameEncodeException.class,
                () -> CODEC.encode(Frame.of(FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, body)));
        Frame v2 = Frame.of(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, body);

        assertEquals(EncodeFailure.NOT_REPRESENTABLE, e.reason());
        assertEquals("a v1 PDU_DATA body of 4 bytes equal to the REQUEST_PDU_READ code would decode as that "
                + "control message", e.getMessage());
        assertEquals(v2, CODEC.decode(CODEC.encode(v2)));
    }

    @Test
    void encode_v1PduDataOfFourOtherBytes_roundTrips() throws FrameDecodeException {
        Frame frame = Frame.of(FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.wrap(bytes(1, 2, 3, 4)));

        assertEquals(frame, CODEC.decode(CODEC.encode(frame)));
    }

    @Test
    void encode_nulInAV2Name_refusesButV1CarriesIt() throws FrameDecodeException {
        FrameEncodeException e = assertThrows(FrameEncodeException.class,
                () -> CODEC.encode(Frame.of(FrameForm.V2_200, MessageType.PDU_DATA, "dr\0ne", 0, NO_BODY)));
        Frame v1 = Frame.of(FrameForm.V1, MessageType.PDU_DATA, "dr\0ne", 0, NO_BODY);

        assertEquals(EncodeFailure.NOT_REPRESENTABLE, e.reason());
        assertEquals("robot name contains NUL at UTF-8 byte 2, where a v2 reader would cut it", e.getMessage());
        assertEquals(v1, CODEC.decode(CODEC.encode(v1)));
    }

    @Test
    void encode_unpairedSurrogateInName_refusesRatherThanWritingAQuestionMark() {
        FrameEncodeException high = assertThrows(FrameEncodeException.class,
                () -> CODEC.encode(Frame.of(FrameForm.V1, MessageType.PDU_DATA, "drone\uD83D", 0, NO_BODY)));
        FrameEncodeException low = assertThrows(FrameEncodeException.class,
                () -> CODEC.encode(Frame.of(FrameForm.V2_304, MessageType.PDU_DATA, "\uDE81drone", 0, NO_BODY)));

        assertEquals(EncodeFailure.NOT_REPRESENTABLE, high.reason());
        assertEquals("robot name has an unpaired surrogate at index 5 and cannot be written as UTF-8", high.getMessage());
        assertEquals("robot name has an unpaired surrogate at index 0 and cannot be written as UTF-8", low.getMessage());
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void encode_nameWithASurrogatePair_roundTrips(FrameForm form) throws FrameDecodeException {
        Frame frame = Frame.of(form, MessageType.PDU_DATA, "drone\uD83D\uDE81", 0, ByteBuffer.wrap(bytes(1, 2)));

        assertEquals(frame, CODEC.decode(CODEC.encode(frame)));
    }

    @Test
    void encode_leavesTheCallersBodyAsFoundAndTakesOnlyItsRemainingBytes() throws FrameDecodeException {
        ByteBuffer body = ByteBuffer.wrap(bytes(9, 9, 1, 2, 3, 9)).position(2).limit(5);

        ByteBuffer encoded = CODEC.encode(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, body, 0, 0, 0);

        assertEquals(2, body.position());
        assertEquals(5, body.limit());
        assertArrayEquals(bytes(1, 2, 3), CODEC.decode(encoded).bodyBytes());
    }

    @Test
    void encode_directBody_isCopied() throws FrameDecodeException {
        ByteBuffer body = ByteBuffer.allocateDirect(3).put(bytes(4, 5, 6)).flip();

        ByteBuffer encoded = CODEC.encode(FrameForm.V2_200, MessageType.PDU_DATA, "Drone", 9, body, 0, 0, 0);

        assertArrayEquals(bytes(4, 5, 6), CODEC.decode(encoded).bodyBytes());
        assertEquals(0, body.position());
    }

    @ParameterizedTest
    @EnumSource(FrameForm.class)
    void encode_returnsAHeapBufferAtPositionZeroOfTheEncodedSize(FrameForm form) {
        ByteBuffer encoded = CODEC.encode(Frame.of(form, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.wrap(bytes(1, 2, 3))));

        assertTrue(encoded.hasArray());
        assertEquals(0, encoded.position());
        assertEquals(CODEC.encodedSize(form, 6, 3), encoded.limit());
        assertEquals(encoded.limit(), encoded.capacity());
    }

    @Test
    void encode_v2_writesTimesTotalLenAndZeroPadding() {
        ByteBuffer out = CODEC.encode(FrameForm.V2_304, MessageType.BRIDGE_EXTENSION, "drone1", -1,
                ByteBuffer.wrap(bytes(7, 7)), 11L, -22L, Long.MAX_VALUE).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals(0x54584248, out.getInt(140));
        assertEquals(174, out.getInt(144));
        assertEquals(2, out.getInt(148));
        assertEquals(11L, out.getLong(152));
        assertEquals(-22L, out.getLong(160));
        assertEquals(Long.MAX_VALUE, out.getLong(168));
        assertEquals(-1, out.getInt(176));
        assertZeros(out, 134, 140);
        assertZeros(out, 180, 304);
        assertZeros(out, 6, 128);
    }

    @Test
    void encode_legacy_writesTheCanonicalPduMetaDataAndHeader() {
        ByteBuffer out = CODEC.encode(FrameForm.V2_200, MessageType.PDU_DATA_RPC_REPLY, "Drone", 9,
                ByteBuffer.wrap(bytes(7, 7, 7)), 1L, 2L, 3L).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals("78563412" + "01000000" + "18000000" + "c8000000" + "c8000000" + "00000000",
                Fixtures.toHex(out.duplicate().limit(24)));
        assertEquals(175, out.getInt(24));
        assertEquals(0x48414B4F, out.getInt(28));
        assertEquals(2, out.getShort(32));
        assertEquals(0, out.getShort(34));
        assertEquals(0x43505253, out.getInt(36));
        assertEquals(1L, out.getLong(40));
        assertEquals(2L, out.getLong(48));
        assertEquals(3L, out.getLong(56));
        assertEquals(9, out.getInt(192));
        assertEquals(3, out.getInt(196));
        assertEquals(203, out.limit());
    }

    @Test
    void encode_v1_dropsTheTimes() throws FrameDecodeException {
        ByteBuffer out = CODEC.encode(FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.wrap(bytes(1)), 5, 6, 7);

        assertEquals(Frame.of(FrameForm.V1, MessageType.PDU_DATA, "drone1", 0, ByteBuffer.wrap(bytes(1))),
                CODEC.decode(out));
    }

    @ParameterizedTest
    @EnumSource(value = FrameForm.class, names = {"V2_304", "V2_200"})
    void encode_everyTypeInV2_roundTripsWithTimes(FrameForm form) throws FrameDecodeException {
        for (MessageType type : MessageType.values()) {
            Frame frame = new Frame(form, type, "Service/Add", -1, ByteBuffer.wrap(bytes(1, 2, 3)), 1L, -2L, 3L);

            assertEquals(frame, CODEC.decode(CODEC.encode(frame)), type.name());
        }
    }

    // ---- sizes and construction ----

    @Test
    void encodedSize_isHeaderPlusNameForV1PlusBody() {
        assertEquals(304 + 72, CODEC.encodedSize(FrameForm.V2_304, 6, 72));
        assertEquals(200 + 200, CODEC.encodedSize(FrameForm.V2_200, 5, 200));
        assertEquals(12 + 6 + 4, CODEC.encodedSize(FrameForm.V1, 6, 4));
    }

    @Test
    void encodedSize_negativeOrOverflowing_isIllegal() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> CODEC.encodedSize(FrameForm.V1, -1, 0));
        IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
                () -> CODEC.encodedSize(FrameForm.V2_304, 0, Integer.MAX_VALUE));

        assertEquals("negative length: robotUtf8Length -1, bodyLength 0", negative.getMessage());
        assertEquals("a frame of 2147483951 bytes does not fit in a buffer", overflow.getMessage());
    }

    @Test
    void constructor_nonPositiveLimit_isIllegal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrameCodec(0));

        assertEquals("maxFrameBytes must be positive, got 0", e.getMessage());
        assertEquals(1_048_576, new FrameCodec().maxFrameBytes());
    }

    private static Frame decode(byte[] message) throws FrameDecodeException {
        return CODEC.decode(ByteBuffer.wrap(message));
    }

    /** The message inside a larger array, between junk bytes; the buffer's position and limit frame the message. */
    private static ByteBuffer embedded(byte[] message, int before, int after) {
        byte[] all = filled(before + message.length + after, 0x5A);
        System.arraycopy(message, 0, all, before, message.length);
        return ByteBuffer.wrap(all).position(before).limit(before + message.length);
    }

    private static void assertZeros(ByteBuffer buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            assertEquals(0, buffer.get(i), "byte " + i);
        }
    }
}
