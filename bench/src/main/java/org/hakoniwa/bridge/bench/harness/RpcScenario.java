package org.hakoniwa.bridge.bench.harness;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hakoniwa.bridge.rpc.client.BridgeClient;
import org.hakoniwa.bridge.rpc.client.Registration;
import org.hakoniwa.bridge.rpc.client.RpcReply;

/**
 * Scenario 3: K clients (the Java protocol client), each registered on {@code Service/Add} under its own name, call
 * it in a closed loop: the next call leaves when the previous reply arrived. Calls completed inside the window
 * count; their round-trip times give the percentiles.
 */
final class RpcScenario {
    static final String SERVICE = "Service/Add";
    private static final int ALIGNMENT = 8;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One row.
     *
     * @param clients K
     * @param callsPerSecond completed calls per second, all clients together
     * @param micros round-trip percentiles in microseconds
     * @param failures calls that failed or timed out (in the window or not)
     * @param window the server's counters over the window (CPU)
     * @param heapBefore the server's heap after GC before the row's clients connected
     * @param heapAfterGc the server's heap after GC at the end of the window, before the clients left
     */
    record Row(int clients, double callsPerSecond, Percentiles micros, long failures, Window window,
            long heapBefore, long heapAfterGc) {
    }

    private final Servers servers;
    private final LoadClients clients;
    private final BenchOptions options;

    RpcScenario(Servers servers, LoadClients clients, BenchOptions options) {
        this.servers = requireNonNull(servers, "servers is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.options = requireNonNull(options, "options is null");
    }

    List<Row> run() throws BenchException {
        // The RPC path is cold until now: warm it up with one client before the first row counts.
        Row warmUp = measure(1, options.timing().window());
        Progress.say("rpc warm-up: %.0f calls/s (not reported)", warmUp.callsPerSecond());
        List<Row> rows = new ArrayList<>();
        for (int k : options.clients()) {
            Row row = measure(k, options.timing().window());
            Progress.say("rpc K=%d: %.0f calls/s, p99 %d us, %d failures", k, row.callsPerSecond(),
                    row.micros().p99(), row.failures());
            rows.add(row);
        }
        return rows;
    }

    private Row measure(int k, Duration window) throws BenchException {
        ServerProcess server = servers.bridge();
        long heapBefore = server.command("MEM").longField("heap");
        List<BridgeClient> callers = new ArrayList<>();
        try {
            for (int i = 0; i < k; i++) {
                BridgeClient caller = clients.rpcClient(server.port());
                callers.add(caller);
                register(caller, name(i));
            }
            long windowStart = System.nanoTime() + options.timing().warmup().toNanos();
            long windowEnd = windowStart + window.toNanos();
            AtomicLong failures = new AtomicLong();
            AtomicReference<String> wrongAnswer = new AtomicReference<>();
            List<LatencyRecorder> recorders = new ArrayList<>();
            List<Thread> loops = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                LatencyRecorder recorder = new LatencyRecorder();
                recorders.add(recorder);
                BridgeClient caller = callers.get(i);
                String name = name(i);
                Thread loop = new Thread(() -> callLoop(caller, name, windowStart, windowEnd, recorder, failures,
                        wrongAnswer), "bench-rpc-" + i);
                loop.setDaemon(true);
                loops.add(loop);
                loop.start();
            }
            waitUntil(windowStart);
            Snapshot start = Snapshot.take(List.of(), server);
            waitUntil(windowEnd);
            Snapshot end = Snapshot.take(List.of(), server);
            for (Thread loop : loops) {
                loop.join(CALL_TIMEOUT.toMillis() + 5_000);
            }
            long heapAfter = server.command("MEM").longField("heap");
            if (wrongAnswer.get() != null) {
                throw new BenchException("Service/Add answered wrongly: " + wrongAnswer.get());
            }
            List<long[]> samples = new ArrayList<>();
            recorders.forEach(recorder -> samples.add(recorder.snapshot()));
            Percentiles micros = Percentiles.of(samples);
            double seconds = (windowEnd - windowStart) / 1e9;
            return new Row(k, micros.count() / seconds, micros, failures.get(), Window.between(start, end), heapBefore,
                    heapAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during the RPC scenario", e);
        } finally {
            callers.forEach(BridgeClient::close);
        }
    }

    private static String name(int i) {
        return "bench-client-" + i;
    }

    private static void register(BridgeClient caller, String name) throws BenchException {
        try {
            Registration registration = caller.register(SERVICE, name).get(10, TimeUnit.SECONDS);
            if (!registration.ok()) {
                throw new BenchException("registering " + name + " on " + SERVICE + " failed: "
                        + registration.header());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchException("registering " + name + " on " + SERVICE + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while registering", e);
        }
    }

    private static void callLoop(BridgeClient caller, String name, long windowStart, long windowEnd,
            LatencyRecorder recorder, AtomicLong failures, AtomicReference<String> wrongAnswer) {
        long a = 0;
        while (System.nanoTime() - windowEnd < 0) {
            a++;
            ByteBuffer request = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, a).putLong(8, 2);
            long sent = System.nanoTime();
            try {
                RpcReply reply = caller.call(SERVICE, name, request, ALIGNMENT, CALL_TIMEOUT)
                        .get(CALL_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
                long done = System.nanoTime();
                long sum = reply.payload(ALIGNMENT).getLong(0);
                if (!reply.ok() || sum != a + 2) {
                    wrongAnswer.compareAndSet(null, name + " asked " + a + " + 2 and got " + sum + " (ok="
                            + reply.ok() + ")");
                    return;
                }
                if (done - windowStart >= 0 && done - windowEnd < 0) {
                    recorder.add((done - sent) / 1_000);
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void waitUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
