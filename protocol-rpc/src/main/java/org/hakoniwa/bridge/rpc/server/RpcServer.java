package org.hakoniwa.bridge.rpc.server;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.dispatch.FrameHandler;
import org.hakoniwa.bridge.pdu.endpoint.ClientMdc;
import org.hakoniwa.bridge.rpc.config.ServiceDefinition;
import org.hakoniwa.bridge.rpc.config.ServiceSpec;
import org.hakoniwa.bridge.rpc.header.RegisterClientResponse;
import org.hakoniwa.bridge.rpc.header.RequestHeader;
import org.hakoniwa.bridge.rpc.header.ResponseHeader;
import org.hakoniwa.bridge.rpc.header.RpcBodies;
import org.hakoniwa.bridge.rpc.header.RpcFormatException;
import org.hakoniwa.bridge.rpc.header.RpcResultCode;
import org.hakoniwa.bridge.rpc.header.RpcStatus;
import org.hakoniwa.bridge.rpc.service.RpcCall;
import org.hakoniwa.bridge.rpc.service.ServiceHandler;
import org.hakoniwa.bridge.rpc.service.ServiceLayout;
import org.hakoniwa.bridge.rpc.service.SyncServiceHandler;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.route.PendingCall;
import org.hakoniwa.bridge.spi.route.RegisterResult;
import org.hakoniwa.bridge.spi.route.RemovedRoutes;
import org.hakoniwa.bridge.spi.route.RouteStore;
import org.hakoniwa.bridge.spi.route.RpcRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's RPC services as WebSocket clients reach them: registrations, calls, deadlines, cancels.
 *
 * <p>Every call ends with exactly one reply to the connection that made it, whatever happens first: the handler's
 * answer, the deadline, a cancel, the handler being unregistered, the bridge stopping. The route store's
 * {@link RouteStore#removePending} decides the race: whoever removes the pending call sends the reply; the others
 * find nothing and stay silent. A result for a connection that has gone is dropped quietly.
 */
public final class RpcServer implements FrameHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final ServiceDefinition definition;
    private final RouteStore routes;
    private final RpcSettings settings;
    private final ReplySender replies;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService handlerThreads;
    private final Map<String, RegisteredService> services = new ConcurrentHashMap<>();
    private final Map<PendingCall, InFlight> inFlight = new ConcurrentHashMap<>();

    public RpcServer(ServiceDefinition definition, RouteStore routes, RpcSettings settings, ReplySender replies,
            ScheduledExecutorService scheduler, ExecutorService handlerThreads) {
        this.definition = requireNonNull(definition, "definition is null");
        this.routes = requireNonNull(routes, "routes is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.replies = requireNonNull(replies, "replies is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.handlerThreads = requireNonNull(handlerThreads, "handlerThreads is null");
    }

    // ---- host side ---------------------------------------------------------------------------------------------

    /**
     * Serves {@code serviceName} with an asynchronous handler. The service must be in the service definition; its
     * struct layout comes from its type (or pass one with {@link #registerService(String, ServiceHandler, ServiceLayout)}).
     *
     * @throws IllegalArgumentException when the definition has no such service, or its type's layout is unknown
     */
    public void registerService(String serviceName, ServiceHandler handler) {
        ServiceSpec spec = spec(serviceName);
        ServiceLayout layout = ServiceLayout.known(spec.type());
        if (layout == null) {
            throw new IllegalArgumentException("service " + serviceName + " has type " + spec.type()
                    + ", whose struct alignment the bridge does not know: register it with an explicit ServiceLayout");
        }
        registerService(serviceName, handler, layout);
    }

    public void registerService(String serviceName, ServiceHandler handler, ServiceLayout layout) {
        requireNonNull(handler, "handler is null");
        requireNonNull(layout, "layout is null");
        ServiceSpec spec = spec(serviceName);
        if (services.putIfAbsent(serviceName, new RegisteredService(spec, handler, layout)) != null) {
            throw new IllegalStateException("service " + serviceName + " already has a handler; unregister it first");
        }
        LOG.info("serving RPC service {} (id {}, {})", serviceName, spec.serviceId(), spec.type());
    }

    /** Serves {@code serviceName} with a synchronous handler, run on the bridge's handler threads. */
    public void registerSyncService(String serviceName, SyncServiceHandler handler) {
        registerService(serviceName, asAsync(handler));
    }

    public void registerSyncService(String serviceName, SyncServiceHandler handler, ServiceLayout layout) {
        registerService(serviceName, asAsync(handler), layout);
    }

    private ServiceHandler asAsync(SyncServiceHandler handler) {
        requireNonNull(handler, "handler is null");
        return call -> InterruptibleTask.submit(handlerThreads, () -> handler.handle(call));
    }

    /** Stops serving {@code serviceName}; every call still pending on it gets a final ERROR reply. */
    public boolean unregisterService(String serviceName) {
        RegisteredService removed = services.remove(serviceName);
        if (removed == null) {
            return false;
        }
        for (PendingCall call : List.copyOf(inFlight.keySet())) {
            if (call.service().equals(serviceName)) {
                abort(call, "the service was unregistered");
            }
        }
        LOG.info("stopped serving RPC service {}", serviceName);
        return true;
    }

    /** Ends every pending call with a final ERROR reply; for the bridge stopping. */
    public void stop() {
        for (PendingCall call : List.copyOf(inFlight.keySet())) {
            abort(call, "the bridge is stopping");
        }
    }

    private ServiceSpec spec(String serviceName) {
        requireNonNull(serviceName, "serviceName is null");
        return definition.service(serviceName).orElseThrow(() -> new IllegalArgumentException(
                "service " + serviceName + " is not in the service definition (known: "
                        + String.join(", ", definition.services().stream().map(ServiceSpec::name).toList()) + ")"));
    }

    // ---- wire side ---------------------------------------------------------------------------------------------

    @Override
    public void onFrame(ClientId from, Frame frame) {
        switch (frame.type()) {
            case REGISTER_RPC_CLIENT -> register(from, frame);
            case PDU_DATA_RPC_REQUEST -> request(from, frame);
            default -> LOG.warn("client {}: dropping a {} frame; clients that host services are not supported",
                    from, frame.type());
        }
    }

    private void register(ClientId from, Frame frame) {
        RequestHeader header;
        try {
            header = RpcBodies.requestHeader(frame.body());
        } catch (RpcFormatException e) {
            LOG.warn("client {}: dropping a REGISTER_RPC_CLIENT it cannot be answered for: {}", from, e.getMessage());
            return;
        }
        Optional<ServiceSpec> spec = definition.service(header.serviceName());
        if (spec.isEmpty()) {
            LOG.warn("client {}: register of {} for unknown service {}: answered INVALID", from,
                    header.clientName(), header.serviceName());
            sendRegisterFailure(from, header, frame.channel(), RpcResultCode.INVALID);
            return;
        }
        int limit = settings.enforceMaxClients() ? spec.get().maxClients() : 0;
        RegisterResult result = routes.register(header.serviceName(), header.clientName(), from, limit);
        switch (result.outcome()) {
            case REGISTERED, ALREADY_REGISTERED -> {
                RpcRegistration registration = result.registration().orElseThrow();
                LOG.info("client {} registered RPC client {} on {}: number {}, channels {}/{}", from,
                        header.clientName(), header.serviceName(), registration.number(),
                        registration.requestChannel(), registration.responseChannel());
                RegisterClientResponse body = new RegisterClientResponse(spec.get().serviceId(), registration.number(),
                        registration.requestChannel(), registration.responseChannel());
                ResponseHeader ok = ResponseHeader.answering(header, RpcStatus.NONE, 0, RpcResultCode.OK);
                replies.send(from, header.serviceName(), registration.responseChannel(),
                        RpcBodies.encodeRegisterResponse(ok, body));
            }
            case NAME_TAKEN -> {
                LOG.warn("client {}: RPC client name {} on {} is held by {}: answered BUSY", from, header.clientName(),
                        header.serviceName(), result.registration().map(RpcRegistration::owner).orElse(null));
                sendRegisterFailure(from, header, frame.channel(), RpcResultCode.BUSY);
            }
            case SERVICE_FULL -> {
                LOG.warn("client {}: service {} has its {} clients: answered BUSY", from, header.serviceName(),
                        spec.get().maxClients());
                sendRegisterFailure(from, header, frame.channel(), RpcResultCode.BUSY);
            }
            default -> throw new IllegalStateException("unexpected outcome " + result.outcome());
        }
    }

    private void sendRegisterFailure(ClientId to, RequestHeader header, int channel, RpcResultCode result) {
        ResponseHeader failure = ResponseHeader.answering(header, RpcStatus.ERROR, 0, result);
        replies.send(to, header.serviceName(), channel, RpcBodies.encodeRegisterResponse(failure,
                RegisterClientResponse.NONE));
    }

    private void request(ClientId from, Frame frame) {
        RequestHeader header;
        try {
            header = RpcBodies.requestHeader(frame.body());
        } catch (RpcFormatException e) {
            LOG.warn("client {}: dropping a PDU_DATA_RPC_REQUEST it cannot be answered for: {}", from, e.getMessage());
            return;
        }
        Optional<RpcRegistration> registration = routes.registration(header.serviceName(), header.clientName());
        if (registration.isEmpty() || !registration.get().owner().equals(from)) {
            LOG.warn("client {}: request {} of {} on {} from a client name this connection has not registered:"
                    + " answered INVALID", from, header.requestId(), header.clientName(), header.serviceName());
            int channel = frame.channel() >= 0 ? frame.channel() + 1 : frame.channel();
            reply(from, header, channel, RpcStatus.ERROR, RpcResultCode.INVALID, null, ServiceLayout.ALIGN_8);
            return;
        }
        RpcRegistration route = registration.get();
        if (header.isCancel()) {
            cancel(from, header, route);
            return;
        }
        RegisteredService service = services.get(header.serviceName());
        ServiceLayout layout = service == null ? layoutOf(header.serviceName()) : service.layout();
        if (routes.pendingCount(from) >= settings.maxInFlight()) {
            LOG.warn("client {} has {} calls in flight, the limit: request {} of {} answered BUSY", from,
                    settings.maxInFlight(), header.requestId(), header.clientName());
            reply(from, header, route.responseChannel(), RpcStatus.ERROR, RpcResultCode.BUSY, null, layout);
            return;
        }
        PendingCall key = new PendingCall(header.serviceName(), header.clientName(), header.requestId());
        if (!routes.addPending(key, from)) {
            LOG.warn("client {}: request {} of {} on {} is already in progress: answered BUSY", from,
                    header.requestId(), header.clientName(), header.serviceName());
            reply(from, header, route.responseChannel(), RpcStatus.ERROR, RpcResultCode.BUSY, null, layout);
            return;
        }
        if (service == null) {
            routes.removePending(key);
            LOG.warn("client {}: no handler serves {}: request {} answered ERROR", from, header.serviceName(),
                    header.requestId());
            reply(from, header, route.responseChannel(), RpcStatus.ERROR, RpcResultCode.ERROR, null, layout);
            return;
        }
        start(from, header, route, service, frame.body(), key);
    }

    private ServiceLayout layoutOf(String serviceName) {
        ServiceLayout known = definition.service(serviceName).map(spec -> ServiceLayout.known(spec.type())).orElse(null);
        return known == null ? ServiceLayout.ALIGN_8 : known;
    }

    private void start(ClientId from, RequestHeader header, RpcRegistration route, RegisteredService service,
            ByteBuffer body, PendingCall key) {
        ByteBuffer payload;
        try {
            payload = RpcBodies.payload(body, service.layout().requestAlignment());
        } catch (RpcFormatException e) {
            routes.removePending(key);
            reply(from, header, route.responseChannel(), RpcStatus.ERROR, RpcResultCode.INVALID, null, service.layout());
            return;
        }
        // Recorded before the handler runs, so that a deadline, cancel or stop can always find the call.
        InFlight call = new InFlight(from, header, route.responseChannel(), service.layout());
        inFlight.put(key, call);
        call.deadline = scheduler.schedule(() -> expire(key), settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
        CompletableFuture<ByteBuffer> work;
        try {
            work = service.handler().handle(new RpcCall(header, payload, from)).toCompletableFuture();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        call.attach(work);
        work.whenComplete((result, failure) -> finish(key, call, result, failure));
    }

    private void finish(PendingCall key, InFlight call, ByteBuffer result, Throwable failure) {
        boolean answerable = routes.removePending(key).isPresent();
        inFlight.remove(key, call);
        call.cancelDeadline();
        if (!answerable) {
            try (ClientMdc ignored = ClientMdc.scope(call.caller)) {
                LOG.debug("client {}: result of request {} of {} on {} arrived after the call ended; dropped",
                        call.caller, key.requestId(), key.clientName(), key.service());
            }
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            try (ClientMdc ignored = ClientMdc.scope(call.caller)) {
                LOG.warn("client {}: handler of {} failed request {} of {}: answered ERROR", call.caller,
                        key.service(), key.requestId(), key.clientName(), cause);
            }
            reply(call.caller, call.header, call.responseChannel, RpcStatus.ERROR, RpcResultCode.ERROR, null,
                    call.layout);
            return;
        }
        reply(call.caller, call.header, call.responseChannel, RpcStatus.DONE, RpcResultCode.OK,
                result == null ? ByteBuffer.allocate(0) : result, call.layout);
    }

    private void expire(PendingCall key) {
        InFlight call = inFlight.get(key);
        if (call == null || routes.removePending(key).isEmpty()) {
            return;
        }
        inFlight.remove(key, call);
        call.cancelWork();
        try (ClientMdc ignored = ClientMdc.scope(call.caller)) {
            LOG.warn("client {}: request {} of {} on {} passed its {} ms deadline: answered ERROR", call.caller,
                    key.requestId(), key.clientName(), key.service(), settings.deadline().toMillis());
        }
        reply(call.caller, call.header, call.responseChannel, RpcStatus.ERROR, RpcResultCode.ERROR, null, call.layout);
    }

    private void cancel(ClientId from, RequestHeader header, RpcRegistration route) {
        PendingCall key = new PendingCall(header.serviceName(), header.clientName(), header.requestId());
        InFlight call = inFlight.get(key);
        ServiceLayout layout = call == null ? layoutOf(header.serviceName()) : call.layout;
        if (call == null || routes.removePending(key).isEmpty()) {
            LOG.info("client {}: cancel of request {} of {} on {}, which is not pending: answered INVALID", from,
                    header.requestId(), header.clientName(), header.serviceName());
            reply(from, header, route.responseChannel(), RpcStatus.ERROR, RpcResultCode.INVALID, null, layout);
            return;
        }
        inFlight.remove(key, call);
        call.cancelDeadline();
        call.cancelWork();
        LOG.info("client {}: request {} of {} on {} cancelled", from, header.requestId(), header.clientName(),
                header.serviceName());
        reply(from, header, route.responseChannel(), RpcStatus.DONE, RpcResultCode.CANCELED, null, layout);
    }

    private void abort(PendingCall key, String why) {
        InFlight call = inFlight.get(key);
        if (call == null || routes.removePending(key).isEmpty()) {
            return;
        }
        inFlight.remove(key, call);
        call.cancelDeadline();
        call.cancelWork();
        try (ClientMdc ignored = ClientMdc.scope(call.caller)) {
            LOG.info("client {}: request {} of {} on {} ended because {}: answered ERROR", call.caller,
                    key.requestId(), key.clientName(), key.service(), why);
        }
        reply(call.caller, call.header, call.responseChannel, RpcStatus.ERROR, RpcResultCode.ERROR, null, call.layout);
    }

    @Override
    public void onDisconnect(ClientId client) {
        RemovedRoutes removed = routes.removeClient(client);
        for (PendingCall key : removed.pendingCalls()) {
            InFlight call = inFlight.remove(key);
            if (call != null) {
                call.cancelDeadline();
                call.cancelWork();
            }
        }
        if (!removed.isEmpty()) {
            try (ClientMdc ignored = ClientMdc.scope(client)) {
                LOG.info("client {} left: removed {} RPC registrations and {} pending calls", client,
                        removed.registrations().size(), removed.pendingCalls().size());
            }
        }
    }

    private void reply(ClientId to, RequestHeader request, int channel, RpcStatus status, RpcResultCode result,
            ByteBuffer payload, ServiceLayout layout) {
        int percentage = status == RpcStatus.DONE ? 100 : 0;
        ResponseHeader header = ResponseHeader.answering(request, status, percentage, result);
        ByteBuffer body = RpcBodies.encodeResponse(header, payload == null ? ByteBuffer.allocate(0) : payload,
                layout.responseAlignment());
        replies.send(to, request.serviceName(), channel, body);
    }

    /** A call whose handler is working. */
    private static final class InFlight {
        private final ClientId caller;
        private final RequestHeader header;
        private final int responseChannel;
        private final ServiceLayout layout;
        private final Object lock = new Object();
        // guarded by lock: work, cancelled
        private CompletableFuture<ByteBuffer> work;
        private boolean cancelled;
        private volatile ScheduledFuture<?> deadline;

        private InFlight(ClientId caller, RequestHeader header, int responseChannel, ServiceLayout layout) {
            this.caller = caller;
            this.header = header;
            this.responseChannel = responseChannel;
            this.layout = layout;
        }

        /** Attaches the handler's future; cancels it at once if the call was cancelled before it existed. */
        private void attach(CompletableFuture<ByteBuffer> handlerWork) {
            boolean cancelNow;
            synchronized (lock) {
                work = handlerWork;
                cancelNow = cancelled;
            }
            if (cancelNow) {
                handlerWork.cancel(true);
            }
        }

        private void cancelWork() {
            CompletableFuture<ByteBuffer> current;
            synchronized (lock) {
                cancelled = true;
                current = work;
            }
            if (current != null) {
                current.cancel(true);
            }
        }

        private void cancelDeadline() {
            ScheduledFuture<?> task = deadline;
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
