package org.hakoniwa.bridge.pdu.endpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.pdu.backpressure.DropNewestPolicy;
import org.hakoniwa.bridge.pdu.testkit.MapProviderConfig;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.ProviderContext;
import org.hakoniwa.bridge.spi.backpressure.DropReason;
import org.hakoniwa.bridge.spi.transport.ClientOptions;
import org.hakoniwa.bridge.spi.transport.ServerOptions;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.transport.jetty.JettyTransportProvider;
import org.junit.jupiter.api.Test;

/**
 * Fifty real clients at once; several threads send to each of them while another broadcasts. Every client must
 * get exactly its own frames and every broadcast, each sender's frames in order, nothing lost or doubled.
 */
class ManyClientsTest {
    private static final int CLIENTS = 50;
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 40;
    private static final int BROADCASTS = 40;

    @Test
    void fiftyClients_concurrentSenders_noFrameLostDuplicatedOrMisdelivered() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        ProviderContext context = new ProviderContext(scheduler, java.time.Clock.systemUTC());
        Transport serverTransport = new JettyTransportProvider().create(MapProviderConfig.empty(), context);
        Transport clientTransport = new JettyTransportProvider().create(MapProviderConfig.empty(), context);
        EndpointSettings settings = EndpointSettings.defaults().withClients(CLIENTS, true)
                .withQueue(new QueueLimits(4096, 16L << 20, 4096, 1 << 20), new DropNewestPolicy());
        WsEndpoint server = WsEndpoint.server(serverTransport, settings, scheduler);
        Map<Integer, ClientId> idOfClient = new ConcurrentHashMap<>();
        CountDownLatch introduced = new CountDownLatch(CLIENTS);
        server.onMessageWithClient((id, data) -> {
            idOfClient.put(Integer.parseInt(UTF_8.decode(data).toString()), id);
            introduced.countDown();
        });
        int port = server.listen(new ServerOptions("127.0.0.1", 0, 1 << 16, false, Duration.ZERO)).getPort();

        int expectedPerClient = SENDERS * PER_SENDER + BROADCASTS;
        List<List<String>> received = new ArrayList<>();
        CountDownLatch allReceived = new CountDownLatch(CLIENTS);
        List<WsEndpoint> clients = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS + 1);
        try {
            for (int k = 0; k < CLIENTS; k++) {
                List<String> inbox = new CopyOnWriteArrayList<>();
                received.add(inbox);
                WsEndpoint client = WsEndpoint.client(clientTransport, EndpointSettings.defaults(), scheduler);
                client.onMessage(data -> {
                    inbox.add(UTF_8.decode(data).toString());
                    if (inbox.size() == expectedPerClient) {
                        allReceived.countDown();
                    }
                });
                client.connect(URI.create("ws://127.0.0.1:" + port + "/"),
                        new ClientOptions(1 << 20, Duration.ofSeconds(10), Duration.ZERO)).get(20, TimeUnit.SECONDS);
                client.send(ByteBuffer.wrap(Integer.toString(k).getBytes(UTF_8)));
                clients.add(client);
            }
            assertTrue(introduced.await(20, TimeUnit.SECONDS), "not every client introduced itself");

            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                int sender = t;
                work.add(senders.submit(() -> {
                    for (int seq = 0; seq < PER_SENDER; seq++) {
                        for (int k = 0; k < CLIENTS; k++) {
                            String text = "to=" + k + " t=" + sender + " s=" + seq;
                            assertTrue(server.send(ByteBuffer.wrap(text.getBytes(UTF_8)), idOfClient.get(k)));
                        }
                    }
                    return null;
                }));
            }
            work.add(senders.submit(() -> {
                for (int seq = 0; seq < BROADCASTS; seq++) {
                    assertEquals(CLIENTS, server.broadcast(ByteBuffer.wrap(("b s=" + seq).getBytes(UTF_8))));
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(allReceived.await(60, TimeUnit.SECONDS), "not every client received all its frames");

            for (int k = 0; k < CLIENTS; k++) {
                List<String> inbox = received.get(k);
                assertEquals(expectedPerClient, inbox.size(), "client " + k);
                int[] nextSeq = new int[SENDERS];
                int nextBroadcast = 0;
                for (String text : inbox) {
                    if (text.startsWith("b ")) {
                        assertEquals("b s=" + nextBroadcast++, text, "client " + k + " broadcast order");
                        continue;
                    }
                    String[] parts = text.split(" ");
                    assertEquals("to=" + k, parts[0], "client " + k + " got another client's frame");
                    int sender = Integer.parseInt(parts[1].substring(2));
                    assertEquals("s=" + nextSeq[sender]++, parts[2], "client " + k + " order from sender " + sender);
                }
                assertEquals(BROADCASTS, nextBroadcast);
            }
            long dropped = server.queueStats().stream().mapToLong(s -> s.droppedTotal() - s.dropped(DropReason.CLOSED)).sum();
            assertEquals(0, dropped);
        } finally {
            senders.shutdownNow();
            clients.forEach(WsEndpoint::close);
            server.close();
            clientTransport.close();
            serverTransport.close();
            scheduler.shutdownNow();
        }
    }
}
