package org.hakoniwa.bridge.bench.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.hakoniwa.bridge.bench.common.BenchTopic;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;

/**
 * A client that stops reading: a plain socket with a small receive buffer that completes the WebSocket opening
 * handshake, declares read on the benchmark topic and then never reads again. Once its socket buffers are full the
 * server cannot send it anything more; what happens to the other clients then is the isolation figure.
 */
final class StalledClient implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int RECEIVE_BUFFER = 4096;
    private static final int MAX_RESPONSE_HEAD = 8192;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;

    private StalledClient(Socket socket) {
        this.socket = socket;
    }

    static StalledClient connect(int port) throws BenchException {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            handshake(socket, port);
            ByteBuffer declare = new FrameCodec().encode(FrameForm.V2_304, MessageType.DECLARE_PDU_FOR_READ,
                    BenchTopic.ROBOT, BenchTopic.CHANNEL, ByteBuffer.allocate(0), 0, 0, 0);
            byte[] payload = new byte[declare.remaining()];
            declare.get(payload);
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            OutputStream out = socket.getOutputStream();
            out.write(maskedBinaryFrame(payload, mask));
            out.flush();
            return new StalledClient(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new BenchException("the stalled client could not connect to port " + port + ": " + e, e);
        }
    }

    private static void handshake(Socket socket, int port) throws IOException, BenchException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET / HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new BenchException("the server refused the stalled client's upgrade: "
                    + head.lines().findFirst().orElse(head));
        }
        String accept = acceptFor(key);
        if (!head.toLowerCase(Locale.ROOT).contains("sec-websocket-accept: " + accept.toLowerCase(Locale.ROOT))) {
            throw new BenchException("the server's upgrade answer lacks Sec-WebSocket-Accept " + accept + ": " + head);
        }
    }

    /** Reads the response head byte by byte so that not one byte of WebSocket data is consumed. */
    private static String readHead(InputStream in) throws IOException, BenchException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new BenchException("the server closed the stalled client's connection during the handshake");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_RESPONSE_HEAD) {
                throw new BenchException("the server's upgrade answer is over " + MAX_RESPONSE_HEAD + " bytes");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** RFC 6455 4.2.2: base64 of the SHA-1 of the key and the GUID. */
    static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /** One final binary WebSocket frame from a client: masked, as RFC 6455 5.3 requires. */
    static byte[] maskedBinaryFrame(byte[] payload, byte[] mask) {
        if (mask.length != 4) {
            throw new IllegalArgumentException("a mask is 4 bytes, got " + mask.length);
        }
        int length = payload.length;
        int lengthBytes = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        ByteBuffer frame = ByteBuffer.allocate(2 + lengthBytes + 4 + length);
        frame.put((byte) 0x82);
        if (lengthBytes == 0) {
            frame.put((byte) (0x80 | length));
        } else if (lengthBytes == 2) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        frame.put(mask);
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        return frame.array();
    }

    /** The port this client connected from, by which the server's figures name it. */
    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket we abandon anyway.
        }
    }
}
