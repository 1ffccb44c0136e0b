package org.hakoniwa.bridge.pdu.codec;

/** Why a frame could not be encoded. The codec refuses; it never truncates. */
public enum EncodeFailure {
    /** The encoded frame would exceed the codec's {@link FrameCodec#maxFrameBytes() limit}. */
    TOO_LARGE,
    /** The robot name is longer than the 127 UTF-8 bytes a v2 name field holds. */
    NAME_TOO_LONG,
    /**
     * The form cannot express this frame: a type v1 has no way to say, a v1 control message with a body,
     * a v1 PDU_DATA whose 4-byte body would read as a control code, a v2 name containing NUL, or a name
     * that is not well-formed Unicode.
     */
    NOT_REPRESENTABLE
}
