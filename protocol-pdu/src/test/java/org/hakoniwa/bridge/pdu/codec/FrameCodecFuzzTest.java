package org.hakoniwa.bridge.pdu.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Randomised robustness: whatever the bytes, decode yields a Frame or a FrameDecodeException, and every frame
 * it yields survives encode and decode unchanged. Each test draws a fresh seed, which every failure message
 * names; rerun one with {@code -Dcodec.fuzz.seed=<seed>}.
 */
class FrameCodecFuzzTest {
    private static final FrameCodec CODEC = new FrameCodec();
    private static final int CASES = 20_000;
    private static final List<byte[]> FIXTURES = Fixtures.names().stream().map(Fixtures::bytes).toList();
    /** Every u32 length field of the three forms: v2 total_len and body_len, legacy PduMetaData and lengths, v1 lengths. */
    private static final int[] LENGTH_FIELDS = {144, 148, 8, 12, 16, 24, 196, 0, 4};
    private static final int[] NASTY_LENGTHS = {0, 1, 4, 8, 127, 128, 200, 304, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
        0xFFFFFFFC, 0xFFFFFED0};
    /** Failures a message can still have once its form is detected. */
    private static final Set<DecodeFailure> AFTER_DETECTION = EnumSet.of(DecodeFailure.BAD_VERSION,
            DecodeFailure.BODY_PAST_END, DecodeFailure.NAME_NOT_UTF8, DecodeFailure.UNKNOWN_TYPE);
    private static final String[] NAME_CHARS = {"a", "Z", "7", "/", "_", "-", "é", "ド", "\uD83D\uDE81"};

    @Test
    void decode_randomBytes_yieldsAFrameOrAFrameDecodeExceptionOnly() {
        long seed = seed();
        Random random = new Random(seed);
        Map<String, Integer> tally = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            byte[] message = new byte[random.nextInt(1201)];
            random.nextBytes(message);
            plantAForm(random, message);
            tally.merge(check(message, random, seed, i), 1, Integer::sum);
        }
        System.out.println("random bytes: " + tally);
        for (FrameForm form : FrameForm.values()) {
            assertTrue(tally.keySet().stream().anyMatch(outcome -> outcome.startsWith(form + " ")),
                    () -> "seed " + seed + ": the generator never produced a decodable " + form + " frame: " + tally);
        }
    }

    @Test
    void decode_mutatedFixtures_yieldsAFrameOrAFrameDecodeExceptionOnly() {
        long seed = seed();
        Random random = new Random(seed);
        Map<String, Integer> tally = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            byte[] message = FIXTURES.get(random.nextInt(FIXTURES.size()));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                message = mutate(random, message);
            }
            tally.merge(check(message, random, seed, i), 1, Integer::sum);
        }
        System.out.println("mutated fixtures: " + tally);
        for (DecodeFailure failure : DecodeFailure.values()) {
            assertTrue(tally.containsKey(failure.name()),
                    () -> "seed " + seed + ": the mutations never reached " + failure + ": " + tally);
        }
    }

    @Test
    void encode_randomFrames_decodeToEqualFramesAndSurviveMutation() {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 0; i < CASES / 4; i++) {
            int index = i;
            Frame frame = randomFrame(random);
            Supplier<String> where = () -> "seed " + seed + ", case " + index + ", " + frame;
            ByteBuffer encoded;
            try {
                encoded = CODEC.encode(frame);
            } catch (RuntimeException e) {
                throw new AssertionError(where.get() + ": encode threw " + e, e);
            }
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(0, bytes);
            Frame expected = frame.form() == FrameForm.V1
                    ? Frame.of(FrameForm.V1, frame.type(), frame.robot(), frame.channel(), frame.body())
                    : frame;
            assertEquals(expected, decodeOrFail(ByteBuffer.wrap(bytes), where), where);
            check(mutate(random, bytes), random, seed, i);
        }
    }

    /**
     * One message: decode it from a randomly chosen kind of buffer and check the outcome. A frame must
     * re-encode (unless its v2 name is the 128 bytes a reader accepts and a writer may not write) and decode
     * again to an equal frame; a failure must be a FrameDecodeException consistent with detection.
     */
    private static String check(byte[] message, Random random, long seed, int index) {
        Supplier<String> where = () -> "seed " + seed + ", case " + index + ", message " + Fixtures.toHex(ByteBuffer.wrap(message));
        ByteBuffer buffer = someBuffer(random, message);
        int position = buffer.position();
        int limit = buffer.limit();
        ByteOrder order = buffer.order();
        Optional<FrameForm> detected = FrameCodec.detect(buffer);
        Frame frame;
        try {
            frame = CODEC.decode(buffer);
        } catch (FrameDecodeException e) {
            assertNotNull(e.failure(), where);
            assertFalse(e.getMessage().isBlank(), where);
            assertTrue(detected.isEmpty() || AFTER_DETECTION.contains(e.failure()),
                    () -> where.get() + ": detected " + detected + " but failed " + e.failure());
            assertUntouched(buffer, position, limit, order, where);
            return e.failure().name();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(where.get() + ": decode threw " + e, e);
        }
        assertUntouched(buffer, position, limit, order, where);
        assertEquals(detected, Optional.of(frame.form()), where);
        assertTrue(frame.body().isReadOnly(), where);
        assertTrue(frame.bodyLength() <= message.length, where);
        assertEquals(frame, decodeOrFail(ByteBuffer.wrap(message), where), where);

        ByteBuffer encoded;
        try {
            encoded = CODEC.encode(frame);
        } catch (FrameEncodeException e) {
            assertEquals(EncodeFailure.NAME_TOO_LONG, e.reason(), where);
            assertEquals(128, frame.robot().getBytes(StandardCharsets.UTF_8).length, where);
            return frame.form() + " with a 128-byte name";
        } catch (RuntimeException e) {
            throw new AssertionError(where.get() + ": encode threw " + e, e);
        }
        int nameLength = frame.robot().getBytes(StandardCharsets.UTF_8).length;
        int wireBody = frame.form() == FrameForm.V1 && frame.type().isV1Control() ? 4 : frame.bodyLength();
        assertEquals(CODEC.encodedSize(frame.form(), nameLength, wireBody), encoded.remaining(), where);
        Frame again = decodeOrFail(encoded.duplicate(), where);
        assertEquals(frame, again, where);
        // The encoding is canonical: a second round produces the same bytes.
        assertArrayEquals(bytesOf(encoded), bytesOf(CODEC.encode(again)), where);
        return frame.form() + " " + frame.type();
    }

    private static Frame decodeOrFail(ByteBuffer message, Supplier<String> where) {
        try {
            return CODEC.decode(message);
        } catch (FrameDecodeException | RuntimeException e) {
            throw new AssertionError(where.get() + ": decoding an encoded frame threw " + e, e);
        }
    }

    private static void assertUntouched(ByteBuffer buffer, int position, int limit, ByteOrder order,
            Supplier<String> where) {
        assertEquals(position, buffer.position(), where);
        assertEquals(limit, buffer.limit(), where);
        assertEquals(order, buffer.order(), where);
    }

    /** The message as a plain, embedded, direct or read-only buffer, in either byte order. */
    private static ByteBuffer someBuffer(Random random, byte[] message) {
        ByteBuffer buffer = switch (random.nextInt(4)) {
            case 0 -> ByteBuffer.wrap(message);
            case 1 -> {
                int before = random.nextInt(16);
                byte[] all = new byte[before + message.length + random.nextInt(16)];
                random.nextBytes(all);
                System.arraycopy(message, 0, all, before, message.length);
                yield ByteBuffer.wrap(all).position(before).limit(before + message.length);
            }
            case 2 -> ByteBuffer.allocateDirect(message.length).put(message).flip();
            default -> ByteBuffer.wrap(message).asReadOnlyBuffer();
        };
        return buffer.order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** Sometimes makes random bytes look like one of the forms, so that decoding gets past detection. */
    private static void plantAForm(Random random, byte[] message) {
        ByteBuffer m = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int len = message.length;
        switch (random.nextInt(4)) {
            case 0 -> {
                if (len >= 134) {
                    m.putInt(128, 0x48414B4F).putShort(132, (short) 2);
                    if (len >= 152 && random.nextBoolean()) {
                        m.putInt(148, random.nextInt(Math.max(1, len - 303) + 8));
                        m.putInt(140, someTypeCode(random));
                        plantAName(random, message, 0);
                    }
                }
            }
            case 1 -> {
                if (len >= 32) {
                    m.putInt(0, 0x12345678).putInt(4, 1).putInt(28, 0x48414B4F);
                    if (len >= 200 && random.nextBoolean()) {
                        m.putShort(32, (short) 2).putInt(36, someTypeCode(random));
                        m.putInt(196, random.nextInt(Math.max(1, len - 199) + 8));
                        plantAName(random, message, 64);
                    }
                }
            }
            case 2 -> {
                if (len >= 12) {
                    int nameLen = random.nextInt(Math.min(len - 12, 40) + 1);
                    m.putInt(0, 8 + nameLen + (random.nextBoolean() ? 0 : random.nextInt(len - 8 - nameLen + 2)));
                    m.putInt(4, nameLen);
                    for (int i = 0; i < nameLen; i++) {
                        message[8 + i] = random.nextInt(8) == 0 ? message[8 + i] : (byte) ('a' + random.nextInt(26));
                    }
                }
            }
            default -> {
                // left as random bytes
            }
        }
    }

    /** An ASCII name in the 128-byte v2 field at the offset: NUL-terminated, or filling the field. */
    private static void plantAName(Random random, byte[] message, int offset) {
        int length = random.nextInt(8) == 0 ? 128 : random.nextInt(128);
        for (int i = 0; i < length; i++) {
            message[offset + i] = (byte) ('a' + random.nextInt(26));
        }
        if (length < 128) {
            message[offset + length] = 0;
        }
    }

    private static int someTypeCode(Random random) {
        MessageType[] types = MessageType.values();
        return random.nextInt(5) == 0 ? random.nextInt() : types[random.nextInt(types.length)].code();
    }

    /** One random damage: flip, overwrite, truncate, extend, insert, delete, or a corrupt length or type field. */
    private static byte[] mutate(Random random, byte[] original) {
        byte[] message = original.clone();
        int len = message.length;
        switch (random.nextInt(9)) {
            case 0 -> {
                if (len > 0) {
                    message[random.nextInt(len)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                if (len > 0) {
                    int from = random.nextInt(len);
                    int to = Math.min(len, from + 1 + random.nextInt(16));
                    for (int i = from; i < to; i++) {
                        message[i] = (byte) random.nextInt(256);
                    }
                }
            }
            case 2 -> message = Arrays.copyOf(message, len == 0 ? 0 : random.nextInt(len + 1));
            case 3 -> {
                byte[] longer = Arrays.copyOf(message, len + 1 + random.nextInt(200));
                for (int i = len; i < longer.length; i++) {
                    longer[i] = random.nextBoolean() ? 0 : (byte) random.nextInt(256);
                }
                message = longer;
            }
            case 4 -> {
                int at = random.nextInt(len + 1);
                byte[] longer = new byte[len + 1];
                System.arraycopy(message, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(message, at, longer, at + 1, len - at);
                message = longer;
            }
            case 5 -> {
                if (len > 0) {
                    int at = random.nextInt(len);
                    byte[] shorter = new byte[len - 1];
                    System.arraycopy(message, 0, shorter, 0, at);
                    System.arraycopy(message, at + 1, shorter, at, len - at - 1);
                    message = shorter;
                }
            }
            case 6, 7 -> {
                int field = LENGTH_FIELDS[random.nextInt(LENGTH_FIELDS.length)];
                if (field + 4 <= len) {
                    int value = switch (random.nextInt(3)) {
                        case 0 -> NASTY_LENGTHS[random.nextInt(NASTY_LENGTHS.length)];
                        case 1 -> len - 304 + random.nextInt(9) - 4;
                        default -> random.nextInt();
                    };
                    ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(field, value);
                }
            }
            default -> {
                int field = random.nextBoolean() ? 140 : 36;
                if (field + 4 <= len) {
                    ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(field, someTypeCode(random));
                }
            }
        }
        return message;
    }

    private static Frame randomFrame(Random random) {
        FrameForm form = FrameForm.values()[random.nextInt(FrameForm.values().length)];
        MessageType type;
        do {
            type = MessageType.values()[random.nextInt(MessageType.values().length)];
        } while (!form.canCarry(type));
        boolean v1 = form == FrameForm.V1;
        String robot = randomName(random, v1 ? 300 : 127, v1);
        byte[] body;
        if (v1 && type.isV1Control()) {
            body = new byte[0];
        } else {
            body = new byte[random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(1000)];
            random.nextBytes(body);
            if (v1 && body.length == 4) {
                body[3] = 0; // no control code has a zero high byte: stays PDU_DATA
            }
        }
        ByteBuffer bodyBuffer = ByteBuffer.wrap(body);
        return v1
                ? Frame.of(form, type, robot, random.nextInt(), bodyBuffer)
                : new Frame(form, type, robot, random.nextInt(), bodyBuffer, random.nextLong(), random.nextLong(),
                        random.nextLong());
    }

    /** A name of at most maxUtf8 UTF-8 bytes, often at the limit, mixing 1- to 4-byte characters. */
    private static String randomName(Random random, int maxUtf8, boolean allowNul) {
        int target = random.nextInt(4) == 0 ? maxUtf8 : random.nextInt(maxUtf8 + 1);
        StringBuilder name = new StringBuilder();
        int bytes = 0;
        while (true) {
            String c = allowNul && random.nextInt(20) == 0 ? "\0" : NAME_CHARS[random.nextInt(NAME_CHARS.length)];
            int length = c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > target) {
                return name.toString();
            }
            name.append(c);
            bytes += length;
        }
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(buffer.position(), bytes);
        return bytes;
    }

    private static long seed() {
        Long fixed = Long.getLong("codec.fuzz.seed");
        long seed = fixed != null ? fixed : ThreadLocalRandom.current().nextLong();
        System.out.println("FrameCodecFuzzTest seed " + seed);
        return seed;
    }
}
