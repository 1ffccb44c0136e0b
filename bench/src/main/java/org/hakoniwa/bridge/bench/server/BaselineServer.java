package org.hakoniwa.bridge.bench.server;

import static java.util.Objects.requireNonNull;

import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hakoniwa.bridge.bench.common.BenchTopic;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;

/**
 * The baseline: a bare Jetty 12 WebSocket server on the same Jakarta API, thread pool and connector as
 * transport-jetty, with no protocol, routing or queues. A publish builds one frame (the bytes the bridge would send
 * to a v2-304 client: a 304-byte header and the body, copied once like the bridge copies it) and hands it to every
 * connected session that has no send in flight; a busy session skips that value ({@code drop.BUSY}). One send in
 * flight per session is its only flow control. Incoming messages are read and ignored.
 */
final class BaselineServer implements ServerUnderTest {
    /** Same inbound limit and idle backstop as the bridge's defaults, so the two servers differ only in the bridge. */
    static final int MAX_INBOUND_BYTES = 1_048_880;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(80);
    private static final int V2_HEADER = 304;

    private final Server server;
    private final ServerConnector connector;
    private final Collection<BaselinePeer> peers;
    private final FrameCodec codec = new FrameCodec(Integer.MAX_VALUE);
    private final Object headerLock = new Object();
    // guarded by headerLock: header, headerBodyLength
    private byte[] header = new byte[0];
    private int headerBodyLength = -1;

    private BaselineServer(Server server, ServerConnector connector, Collection<BaselinePeer> peers) {
        this.server = requireNonNull(server, "server is null");
        this.connector = requireNonNull(connector, "connector is null");
        this.peers = requireNonNull(peers, "peers is null");
    }

    static BaselineServer start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("baseline-jetty");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        // Copy-on-write: publishes iterate it constantly, connections change it rarely.
        Collection<BaselinePeer> peers = new CopyOnWriteArrayList<>();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxBinaryMessageBufferSize(MAX_INBOUND_BYTES);
            container.setDefaultMaxTextMessageBufferSize(MAX_INBOUND_BYTES);
            container.addEndpoint(ServerEndpointConfig.Builder.create(BaselineEndpoint.class, "/")
                    .configurator(new Configurator(peers)).build());
        });
        server.setHandler(context);
        server.start();
        return new BaselineServer(server, connector, peers);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void publish(ByteBuffer body) {
        byte[] head = header(body);
        ByteBuffer frame = ByteBuffer.allocate(head.length + body.remaining());
        frame.put(head).put(body.duplicate()).flip();
        for (BaselinePeer peer : peers) {
            peer.offer(frame);
        }
    }

    /** The 304-byte header for a body of this length, made with the codec once per length. */
    private byte[] header(ByteBuffer body) {
        synchronized (headerLock) {
            if (headerBodyLength != body.remaining()) {
                ByteBuffer encoded = codec.encode(FrameForm.V2_304, MessageType.PDU_DATA, BenchTopic.ROBOT,
                        BenchTopic.CHANNEL, body.duplicate(), 0, 0, 0);
                header = new byte[V2_HEADER];
                encoded.get(0, header);
                headerBodyLength = body.remaining();
            }
            return header;
        }
    }

    @Override
    public int readers() {
        return peers.size();
    }

    @Override
    public Map<String, Long> counters() {
        long sent = 0;
        long sentBytes = 0;
        long busy = 0;
        long failed = 0;
        for (BaselinePeer peer : peers) {
            sent += peer.sent();
            sentBytes += peer.sentBytes();
            busy += peer.busy();
            failed += peer.failed();
        }
        Map<String, Long> counters = new TreeMap<>();
        counters.put("sent", sent);
        counters.put("sent.bytes", sentBytes);
        counters.put("drop.BUSY", busy);
        counters.put("drop.FAILED", failed);
        return counters;
    }

    @Override
    public Map<String, Long> client(int remotePort) {
        for (BaselinePeer peer : peers) {
            if (peer.remotePort() == remotePort) {
                Map<String, Long> figures = new TreeMap<>();
                figures.put("sent", peer.sent());
                figures.put("drop.BUSY", peer.busy());
                return figures;
            }
        }
        return Map.of();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("server", "baseline");
        described.put("policy", "skip-when-busy (one send in flight per session)");
        described.put("jetty", Server.getVersion());
        return described;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the baseline server: " + e.getMessage(), e);
        }
    }

    /** Makes one endpoint per connection, sharing the peer set; declines compression like the bridge does. */
    private static final class Configurator extends ServerEndpointConfig.Configurator {
        private final Collection<BaselinePeer> peers;

        private Configurator(Collection<BaselinePeer> peers) {
            this.peers = peers;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new BaselineEndpoint(peers, MAX_INBOUND_BYTES, IDLE_TIMEOUT));
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
        }
    }
}
