package org.hakoniwa.bridge.rpc.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameDecodeException;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.pdu.endpoint.EndpointSettings;
import org.hakoniwa.bridge.pdu.endpoint.WsEndpoint;
import org.hakoniwa.bridge.rpc.header.RegisterClientResponse;
import org.hakoniwa.bridge.rpc.header.RequestHeader;
import org.hakoniwa.bridge.rpc.header.ResponseHeader;
import org.hakoniwa.bridge.rpc.header.RpcBodies;
import org.hakoniwa.bridge.rpc.header.RpcFormatException;
import org.hakoniwa.bridge.rpc.header.RpcOpcode;
import org.hakoniwa.bridge.spi.transport.ClientOptions;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java client of the Hakoniwa PDU WebSocket protocol, behaving as the existing clients do: it speaks one frame form
 * (v2-304 like the Python client, v2-200 like the JavaScript client, or v1), declares, writes, reads and calls RPC
 * services. Replies are matched the way both reference clients match them: by the response header's service and
 * client names and request id (Python), and then checked against the frame's robot and channel (JavaScript). A reply
 * that fails the JavaScript check completes its call exceptionally with a {@link MisroutedReplyException}.
 *
 * <p>Thread-safe. Received PDUs are queued for {@link #awaitPdu} and handed to {@link #onPdu} listeners.
 */
public final class BridgeClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeClient.class);
    private static final ClientOptions OPTIONS = new ClientOptions(FrameCodec.DEFAULT_MAX_FRAME_BYTES,
            Duration.ofSeconds(10), Duration.ZERO);

    private final WsEndpoint endpoint;
    private final FrameCodec codec = new FrameCodec(Integer.MAX_VALUE);
    private final FrameForm form;
    private final BlockingQueue<Frame> pdus = new LinkedBlockingQueue<>();
    private final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
    private final List<RpcReply> unmatchedReplies = new CopyOnWriteArrayList<>();
    private final Map<Name, CompletableFuture<Registration>> registering = new ConcurrentHashMap<>();
    private final Map<Name, Registration> registrations = new ConcurrentHashMap<>();
    private final Map<Name, AtomicLong> nextRequestId = new ConcurrentHashMap<>();
    private final Map<CallKey, CompletableFuture<RpcReply>> calls = new ConcurrentHashMap<>();
    private final CountDownLatch disconnected = new CountDownLatch(1);
    private final CBORMapper cbor = new CBORMapper();
    private final AtomicLong nextExtensionId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<Map<String, Object>>> extensionAnswers = new ConcurrentHashMap<>();
    private final BlockingQueue<Map<String, Object>> notices = new LinkedBlockingQueue<>();

    private record Name(String service, String clientName) {
    }

    private record CallKey(Name name, long requestId) {
    }

    private BridgeClient(WsEndpoint endpoint, FrameForm form) {
        this.endpoint = endpoint;
        this.form = form;
    }

    /**
     * Connects to a bridge at {@code uri} (blocking up to 10 s).
     *
     * @param form the frame form to speak
     * @throws org.hakoniwa.bridge.spi.transport.TransportException when the connection cannot be opened
     */
    public static BridgeClient connect(Transport transport, URI uri, FrameForm form, ScheduledExecutorService scheduler)
            throws InterruptedException, TimeoutException {
        requireNonNull(form, "form is null");
        EndpointSettings settings = EndpointSettings.defaults();
        WsEndpoint endpoint = WsEndpoint.client(transport, settings, scheduler);
        BridgeClient client = new BridgeClient(endpoint, form);
        endpoint.onMessage(client::onMessage);
        endpoint.onDisconnect(id -> client.disconnected.countDown());
        try {
            endpoint.connect(uri, OPTIONS).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            endpoint.close();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot connect to " + uri, cause);
        }
        return client;
    }

    public FrameForm form() {
        return form;
    }

    // ---- PDUs ----------------------------------------------------------------------------------------------------

    public boolean declareRead(String robot, int channel) {
        return sendControl(MessageType.DECLARE_PDU_FOR_READ, robot, channel);
    }

    public boolean declareWrite(String robot, int channel) {
        return sendControl(MessageType.DECLARE_PDU_FOR_WRITE, robot, channel);
    }

    public boolean requestRead(String robot, int channel) {
        return sendControl(MessageType.REQUEST_PDU_READ, robot, channel);
    }

    private boolean sendControl(MessageType type, String robot, int channel) {
        return sendFrame(type, robot, channel, ByteBuffer.allocate(0));
    }

    /** Writes a PDU (PDU_DATA) to the server. */
    public boolean write(String robot, int channel, ByteBuffer body) {
        return sendFrame(MessageType.PDU_DATA, robot, channel, body);
    }

    /** Sends any frame in this client's form. */
    public boolean sendFrame(MessageType type, String robot, int channel, ByteBuffer body) {
        return endpoint.send(codec.encode(form, type, robot, channel, body, 0, 0, 0));
    }

    /** Sends raw bytes as one binary message: for tests of what the server does with garbage. */
    public boolean sendRaw(ByteBuffer message) {
        return endpoint.send(message);
    }

    /**
     * The next PDU_DATA frame received, or null when none arrives within {@code timeout}. Frames are kept for this
     * method only while no {@link #onPdu} listener is registered, so a client that listens does not accumulate them.
     */
    public Frame awaitPdu(Duration timeout) throws InterruptedException {
        return pdus.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Calls {@code listener} for every PDU_DATA frame received from now on, instead of queueing it for {@link #awaitPdu}. */
    public void onPdu(Consumer<Frame> listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    // ---- the bridge extension ------------------------------------------------------------------------------------

    /**
     * Sends an extension request (a CBOR map; this method adds {@code id}) and completes with the bridge's answer
     * ({@code op} = {@code ack} or {@code error}). Sending one opts this client in to extension frames.
     */
    public CompletableFuture<Map<String, Object>> extension(Map<String, Object> request) {
        if (form == FrameForm.V1) {
            throw new IllegalStateException("the extension needs a v2 form; this client speaks v1");
        }
        long id = nextExtensionId.getAndIncrement();
        Map<String, Object> message = new java.util.LinkedHashMap<>(request);
        message.put("id", id);
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        extensionAnswers.put(id, answer);
        answer.whenComplete((a, failure) -> extensionAnswers.remove(id));
        byte[] body;
        try {
            body = cbor.writeValueAsBytes(message);
        } catch (java.io.IOException e) {
            answer.completeExceptionally(e);
            return answer;
        }
        if (!sendFrame(MessageType.BRIDGE_EXTENSION, "", 0, ByteBuffer.wrap(body))) {
            answer.completeExceptionally(new IllegalStateException("not connected"));
        }
        return answer;
    }

    /**
     * The next extension message that answers no request of this client ({@code lapsed}, {@code drops}, an error
     * without an id), or null. A frame that does not decode shows up here as {@code {op: "undecodable"}}.
     */
    public Map<String, Object> awaitNotice(Duration timeout) throws InterruptedException {
        return notices.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onExtensionFrame(Frame frame) {
        Map<String, Object> message;
        try {
            ByteBuffer body = frame.body();
            byte[] bytes = new byte[body.remaining()];
            body.get(bytes);
            message = cbor.readValue(bytes, new com.fasterxml.jackson.core.type.TypeReference<
                    java.util.LinkedHashMap<String, Object>>() { });
        } catch (java.io.IOException e) {
            LOG.warn("received an extension frame that is not a CBOR map: {}", e.getMessage());
            notices.add(Map.of("op", "undecodable", "error", String.valueOf(e.getMessage())));
            return;
        }
        Object id = message.get("id");
        CompletableFuture<Map<String, Object>> answer = id instanceof Number number
                ? extensionAnswers.get(number.longValue()) : null;
        if (answer != null) {
            answer.complete(message);
        } else {
            notices.add(message);
        }
    }

    // ---- RPC -----------------------------------------------------------------------------------------------------

    /** Registers {@code clientName} on {@code service}; completes with the server's answer, OK or not. */
    public CompletableFuture<Registration> register(String service, String clientName) {
        requireRpcForm();
        Name name = new Name(service, clientName);
        CompletableFuture<Registration> answer = new CompletableFuture<>();
        registering.put(name, answer);
        RequestHeader header = new RequestHeader(0, service, clientName, RpcOpcode.REQUEST.code(), 0);
        if (!sendFrame(MessageType.REGISTER_RPC_CLIENT, service, -1, RpcBodies.encodeRegisterRequest(header))) {
            registering.remove(name, answer);
            answer.completeExceptionally(new IllegalStateException("not connected"));
        }
        return answer;
    }

    /**
     * Calls {@code service} as {@code clientName} (which must be registered) with the next request id (0, 1, 2, …
     * per registration, as the reference clients count). Completes with the reply, or with a
     * {@link TimeoutException} after {@code timeout}; a reply arriving later is dropped, as the Python client does.
     */
    public CompletableFuture<RpcReply> call(String service, String clientName, ByteBuffer payload, int alignment,
            Duration timeout) {
        Name name = new Name(service, clientName);
        long requestId = nextRequestId.computeIfAbsent(name, n -> new AtomicLong()).getAndIncrement();
        return callWithId(service, clientName, requestId, payload, alignment, timeout);
    }

    /** Like {@link #call} with an explicit request id (for tests of duplicates). */
    public CompletableFuture<RpcReply> callWithId(String service, String clientName, long requestId, ByteBuffer payload,
            int alignment, Duration timeout) {
        RequestHeader header = new RequestHeader(requestId, service, clientName, RpcOpcode.REQUEST.code(), 10);
        return send(header, payload, alignment, timeout, true);
    }

    /**
     * Cancels request {@code requestId}: re-sends its header with opcode CANCEL. The server's answer completes both the
     * original call (if this client still waits for it) and the returned future.
     */
    public CompletableFuture<RpcReply> cancel(String service, String clientName, long requestId, int alignment,
            Duration timeout) {
        RequestHeader header = new RequestHeader(requestId, service, clientName, RpcOpcode.CANCEL.code(), -1);
        return send(header, ByteBuffer.allocate(0), alignment, timeout, false);
    }

    private CompletableFuture<RpcReply> send(RequestHeader header, ByteBuffer payload, int alignment, Duration timeout,
            boolean fresh) {
        requireRpcForm();
        Name name = new Name(header.serviceName(), header.clientName());
        Registration registration = registrations.get(name);
        if (registration == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(name.clientName()
                    + " is not registered on " + name.service()));
        }
        CallKey key = new CallKey(name, header.requestId());
        CompletableFuture<RpcReply> reply = fresh ? new CompletableFuture<>() : null;
        if (fresh) {
            calls.put(key, reply);
        } else {
            reply = calls.computeIfAbsent(key, k -> new CompletableFuture<>());
        }
        CompletableFuture<RpcReply> waiting = reply;
        waiting.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((r, failure) -> calls.remove(key, waiting));
        ByteBuffer body = RpcBodies.encodeRequest(header, payload, alignment);
        if (!sendFrame(MessageType.PDU_DATA_RPC_REQUEST, name.service(), registration.body().requestChannelId(), body)) {
            waiting.completeExceptionally(new IllegalStateException("not connected"));
        }
        return waiting;
    }

    private void requireRpcForm() {
        if (form == FrameForm.V1) {
            throw new IllegalStateException("RPC needs a v2 form; this client speaks v1");
        }
    }

    /** The registration of {@code clientName} on {@code service}, or null. */
    public Registration registration(String service, String clientName) {
        return registrations.get(new Name(service, clientName));
    }

    /** Replies that matched no call of this client (late, or someone else's): a correct server sends none. */
    public List<RpcReply> unmatchedReplies() {
        return List.copyOf(unmatchedReplies);
    }

    // ---- receiving -----------------------------------------------------------------------------------------------

    private void onMessage(ByteBuffer message) {
        Frame frame;
        try {
            frame = codec.decode(message);
        } catch (FrameDecodeException e) {
            LOG.warn("received an undecodable message of {} bytes: {}", message.remaining(), e.getMessage());
            return;
        }
        if (frame.form() != form) {
            LOG.warn("received a {} frame while speaking {}: the server must answer in the client's form", frame.form(),
                    form);
        }
        switch (frame.type()) {
            case PDU_DATA -> {
                if (listeners.isEmpty()) {
                    pdus.add(frame);
                }
                for (Consumer<Frame> listener : listeners) {
                    listener.accept(frame);
                }
            }
            case PDU_DATA_RPC_REPLY -> onReply(frame);
            case BRIDGE_EXTENSION -> onExtensionFrame(frame);
            default -> LOG.warn("received a {} frame, which a server must never send to a client", frame.type());
        }
    }

    private void onReply(Frame frame) {
        ResponseHeader header;
        try {
            header = RpcBodies.responseHeader(frame.body());
        } catch (RpcFormatException e) {
            LOG.warn("received an RPC reply without a valid body: {}", e.getMessage());
            return;
        }
        Name name = new Name(header.serviceName(), header.clientName());
        CompletableFuture<Registration> registerAnswer = registering.remove(name);
        if (registerAnswer != null) {
            onRegisterReply(name, header, frame, registerAnswer);
            return;
        }
        RpcReply reply = new RpcReply(header, frame);
        CompletableFuture<RpcReply> call = calls.remove(new CallKey(name, header.requestId()));
        if (call == null) {
            unmatchedReplies.add(reply);
            LOG.debug("dropping reply {} of {} on {}: no call waits for it", header.requestId(), name.clientName(),
                    name.service());
            return;
        }
        Registration registration = registrations.get(name);
        if (registration != null && (!frame.robot().equals(name.service())
                || frame.channel() != registration.body().responseChannelId())) {
            call.completeExceptionally(new MisroutedReplyException("reply for " + name.clientName() + " on "
                    + name.service() + " came as robot " + frame.robot() + " channel " + frame.channel()
                    + "; expected channel " + registration.body().responseChannelId()));
            return;
        }
        call.complete(reply);
    }

    private void onRegisterReply(Name name, ResponseHeader header, Frame frame, CompletableFuture<Registration> answer) {
        RegisterClientResponse body;
        try {
            body = RpcBodies.registerResponse(frame.body());
        } catch (RpcFormatException e) {
            answer.completeExceptionally(e);
            return;
        }
        Registration registration = new Registration(header, body, frame);
        if (registration.ok()) {
            if (frame.channel() != body.responseChannelId() || !frame.robot().equals(name.service())) {
                answer.completeExceptionally(new MisroutedReplyException("register reply came as robot "
                        + frame.robot() + " channel " + frame.channel() + "; expected " + name.service() + " channel "
                        + body.responseChannelId()));
                return;
            }
            registrations.put(name, registration);
        }
        answer.complete(registration);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------


    /** Waits until the server closed this connection (or it broke). */
    public boolean awaitDisconnected(Duration timeout) throws InterruptedException {
        return disconnected.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
