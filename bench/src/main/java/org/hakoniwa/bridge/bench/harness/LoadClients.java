package org.hakoniwa.bridge.bench.harness;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hakoniwa.bridge.bench.common.BenchTopic;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.sim.config.BridgeConfig;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.transport.ClientOptions;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.SendCallback;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.transport.jetty.JettyTransportProvider;

/**
 * The load clients, all in the harness JVM over transport-jetty's client (the Jetty Jakarta WebSocket client, as
 * {@link BridgeClient} uses it). A receiving client connects, declares read on the benchmark topic in the v2-304
 * form, like the Python client, and then only counts what arrives. The baseline ignores the declare.
 */
final class LoadClients implements AutoCloseable {
    /** The Python client's limit: it closes with 1009 on any message over 1 MiB. */
    private static final ClientOptions OPTIONS = new ClientOptions(FrameCodec.DEFAULT_MAX_FRAME_BYTES,
            Duration.ofSeconds(10), Duration.ZERO);
    private static final int CONNECT_BATCH = 64;
    private static final ByteBuffer DECLARE = new FrameCodec().encode(FrameForm.V2_304,
            MessageType.DECLARE_PDU_FOR_READ, BenchTopic.ROBOT, BenchTopic.CHANNEL, ByteBuffer.allocate(0), 0, 0, 0)
            .asReadOnlyBuffer();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-client-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Transport transport = new JettyTransportProvider().create(BridgeConfig.defaults(),
            new ProviderContext(scheduler, Clock.systemUTC()));

    static URI uri(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    /** Opens {@code count} receiving clients, each declaring read on the benchmark topic. */
    List<Receiver> connect(int port, int count) throws BenchException {
        List<Receiver> receivers = new ArrayList<>(count);
        for (int start = 0; start < count; start += CONNECT_BATCH) {
            int batch = Math.min(CONNECT_BATCH, count - start);
            List<CompletableFuture<Void>> declared = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                Receiver receiver = new Receiver();
                receivers.add(receiver);
                declared.add(transport.connect(uri(port), OPTIONS, connection -> {
                    receiver.attach(connection);
                    return receiver;
                }).thenCompose(LoadClients::declare));
            }
            try {
                CompletableFuture.allOf(declared.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                close(receivers);
                throw new BenchException("a load client could not connect to port " + port + " (" + receivers.size()
                        + " of " + count + " started): " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                close(receivers);
                throw new BenchException("load clients did not connect to port " + port + " within 60 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close(receivers);
                throw new BenchException("interrupted while connecting load clients", e);
            }
        }
        return receivers;
    }

    private static CompletableFuture<Void> declare(Connection connection) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        connection.sendBinary(DECLARE.duplicate(), new SendCallback() {
            @Override
            public void succeeded() {
                sent.complete(null);
            }

            @Override
            public void failed(Throwable cause) {
                sent.completeExceptionally(cause);
            }
        });
        return sent;
    }

    /** An RPC client, the Java protocol client in the v2-304 form. */
    BridgeClient rpcClient(int port) throws BenchException {
        try {
            return BridgeClient.connect(transport, uri(port), FrameForm.V2_304, scheduler);
        } catch (TimeoutException | RuntimeException e) {
            throw new BenchException("an RPC client could not connect to port " + port + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while connecting an RPC client", e);
        }
    }

    /** Closes the clients with 1000 and waits (up to 15 s) until every one has seen its close. */
    void close(List<Receiver> receivers) {
        List<CompletableFuture<Integer>> closing = new ArrayList<>();
        for (Receiver receiver : receivers) {
            try {
                receiver.connection().close(Connection.NORMAL, "bench done");
                closing.add(receiver.closed());
            } catch (IllegalStateException notConnected) {
                // Never opened: nothing to close.
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            receivers.forEach(receiver -> {
                if (receiver.isOpen()) {
                    try {
                        receiver.connection().abort();
                    } catch (IllegalStateException notConnected) {
                        // Never opened.
                    }
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        transport.close();
        scheduler.shutdownNow();
    }
}
