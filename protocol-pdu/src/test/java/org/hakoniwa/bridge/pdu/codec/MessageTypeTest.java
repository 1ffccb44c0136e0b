package org.hakoniwa.bridge.pdu.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTypeTest {

    @ParameterizedTest
    @CsvSource({
        "PDU_DATA, CPUB",
        "DECLARE_PDU_FOR_READ, DPER",
        "DECLARE_PDU_FOR_WRITE, DPPW",
        "REQUEST_PDU_READ, EPPW",
        "REGISTER_RPC_CLIENT, DRPC",
        "PDU_DATA_RPC_REQUEST, CRPC",
        "PDU_DATA_RPC_REPLY, SRPC",
        "BRIDGE_EXTENSION, HBXT"})
    void code_inLittleEndian_spellsTheWireBytes(MessageType type, String wireBytes) {
        byte[] le = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(type.code()).array();

        assertEquals(wireBytes, new String(le, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void fromCode_ofEachCode_isThatType(MessageType type) {
        assertEquals(Optional.of(type), MessageType.fromCode(type.code()));
    }

    @Test
    void fromCode_ofUnknownCodes_isEmpty() {
        assertEquals(Optional.empty(), MessageType.fromCode(0));
        assertEquals(Optional.empty(), MessageType.fromCode(0x48414B4F));
        assertEquals(Optional.empty(), MessageType.fromCode(-1));
    }

    @Test
    void isV1Control_holdsForTheThreeV1ControlsOnly() {
        EnumSet<MessageType> controls = EnumSet.of(MessageType.DECLARE_PDU_FOR_READ, MessageType.DECLARE_PDU_FOR_WRITE,
                MessageType.REQUEST_PDU_READ);

        for (MessageType type : MessageType.values()) {
            assertEquals(controls.contains(type), type.isV1Control(), type.name());
        }
    }

    @Test
    void canCarry_v1OnlyPduDataAndControls_v2Everything() {
        for (MessageType type : MessageType.values()) {
            assertEquals(type == MessageType.PDU_DATA || type.isV1Control(), FrameForm.V1.canCarry(type), type.name());
            assertTrue(FrameForm.V2_304.canCarry(type));
            assertTrue(FrameForm.V2_200.canCarry(type));
        }
        assertFalse(FrameForm.V1.canCarry(MessageType.BRIDGE_EXTENSION));
    }
}
