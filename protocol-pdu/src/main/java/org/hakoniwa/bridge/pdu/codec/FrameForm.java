package org.hakoniwa.bridge.pdu.codec;

/**
 * The three wire forms of a frame (WIRE.md section 2). The form is never negotiated: the codec detects
 * it on every incoming message and the bridge answers each client in the form that client speaks.
 */
public enum FrameForm {
    /** v2 with the current 304-byte header (Python >= 1.4, C++, C#). */
    V2_304,
    /** v2 with the legacy 200-byte header (Python <= 1.3.8, the JavaScript encoder). */
    V2_200,
    /** v1: length-prefixed name, channel, body; no type field. */
    V1;

    /**
     * Whether a frame of this form can carry the given type at all: v1 carries only
     * {@link MessageType#PDU_DATA} and the three {@linkplain MessageType#isV1Control() v1 control types};
     * both v2 forms carry every type. Necessary, not sufficient: {@link FrameCodec#encode(Frame)} also
     * refuses, for instance, a v1 control message with a body.
     */
    public boolean canCarry(MessageType type) {
        if (this != V1) {
            return true;
        }
        return type == MessageType.PDU_DATA || type.isV1Control();
    }
}
