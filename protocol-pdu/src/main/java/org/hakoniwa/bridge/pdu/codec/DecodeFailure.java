package org.hakoniwa.bridge.pdu.codec;

/** Why a binary message could not be decoded into a {@link Frame}. */
public enum DecodeFailure {
    /** The message has no bytes at all. */
    EMPTY,
    /** The message is shorter than the header of the form it claims, or than any form if it claims none. */
    TOO_SHORT,
    /** At least 304 bytes, no v2 magic where either v2 header has it, and it does not parse as v1. */
    UNRECOGNISED_FORM,
    /** A legacy 200-byte header whose PduMetaData magic or HAKO magic is wrong. */
    BAD_MAGIC,
    /** A v2 magic was found but a version next to it is wrong (v2 version must be 2, PduMetaData 1). */
    BAD_VERSION,
    /** A v2 {@code body_len} that reaches past the end of the message. */
    BODY_PAST_END,
    /** The robot name bytes are not well-formed UTF-8. */
    NAME_NOT_UTF8,
    /** A v2 {@code meta_request_type} that is not a {@link MessageType} (0 included). */
    UNKNOWN_TYPE
}
