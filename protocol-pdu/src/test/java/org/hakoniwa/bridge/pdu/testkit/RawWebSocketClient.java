package org.hakoniwa.bridge.pdu.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A minimal RFC 6455 client over a plain socket, for peers no WebSocket library will imitate: one that stops
 * reading (so its receive buffer fills), one that vanishes without a close frame, one that never answers pings.
 * It answers nothing by itself; the test decides what it reads and writes.
 */
public final class RawWebSocketClient implements AutoCloseable {
    public static final int OP_TEXT = 1;
    public static final int OP_BINARY = 2;
    public static final int OP_CLOSE = 8;
    public static final int OP_PING = 9;
    public static final int OP_PONG = 10;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private RawWebSocketClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects and completes the opening handshake.
     *
     * @param receiveBufferBytes the socket receive buffer to ask for (small values make a stalled reader fill up
     *     sooner); 0 keeps the system default
     */
    public static RawWebSocketClient connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        RawWebSocketClient client = new RawWebSocketClient(socket);
        client.handshake(port);
        return client;
    }

    private void handshake(int port) throws IOException {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String response = head.toString(US_ASCII);
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + response);
        }
    }

    public void sendBinary(byte[] payload) throws IOException {
        sendFrame(OP_BINARY, payload);
    }

    public void sendText(String text) throws IOException {
        sendFrame(OP_TEXT, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends one masked frame, FIN set. */
    public synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Reads the next frame from the server (which never masks). Blocks up to the socket timeout. */
    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Reads frames until a binary one, answering pings on the way; returns its payload. */
    public byte[] readBinary() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == OP_PING) {
                sendFrame(OP_PONG, frame.payload());
            } else if (frame.opcode() == OP_BINARY) {
                return frame.payload();
            } else if (frame.opcode() == OP_CLOSE) {
                throw new IOException("server closed: " + closeCode(frame));
            }
        }
    }

    public static int closeCode(Frame frame) {
        byte[] p = frame.payload();
        return p.length >= 2 ? ((p[0] & 0xFF) << 8) | (p[1] & 0xFF) : 1005;
    }

    public InputStream input() {
        return in;
    }

    /** Drops the TCP connection at once with a reset: no close frame, no FIN. */
    public void dropAbruptly() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One frame: its opcode and payload. */
    public record Frame(int opcode, byte[] payload) {
    }
}
