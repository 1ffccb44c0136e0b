package org.hakoniwa.bridge.pdu.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The golden frames of WIRE.md section 9, read from {@code fixtures/*.hex} on the test classpath. */
final class Fixtures {
    private static final String DIRECTORY = "fixtures/";

    private Fixtures() {
    }

    /** The fixture with this file name (".hex" optional) as a new heap buffer, position 0. */
    static ByteBuffer load(String name) {
        return ByteBuffer.wrap(bytes(name));
    }

    /** The fixture's bytes. */
    static byte[] bytes(String name) {
        String file = name.endsWith(".hex") ? name : name + ".hex";
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + DIRECTORY + file + " on the classpath");
            }
            return fromHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture file name in the resource directory, sorted. */
    static List<String> names() {
        URL directory = Fixtures.class.getClassLoader().getResource(DIRECTORY);
        if (directory == null) {
            throw new IllegalStateException("no " + DIRECTORY + " directory on the classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".hex"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] fromHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex.length());
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("not a hex digit pair at " + 2 * i + ": " + hex.substring(2 * i, 2 * i + 2));
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    static String toHex(ByteBuffer buffer) {
        StringBuilder hex = new StringBuilder(buffer.remaining() * 2);
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            hex.append(Character.forDigit(buffer.get(i) >> 4 & 0xF, 16)).append(Character.forDigit(buffer.get(i) & 0xF, 16));
        }
        return hex.toString();
    }
}
