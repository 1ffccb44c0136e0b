package org.hakoniwa.bridge.transport.jetty;

import static java.util.Objects.requireNonNull;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hakoniwa.bridge.spi.transport.ClientOptions;
import org.hakoniwa.bridge.spi.transport.Connection;
import org.hakoniwa.bridge.spi.transport.ConnectionAcceptor;
import org.hakoniwa.bridge.spi.transport.ServerHandle;
import org.hakoniwa.bridge.spi.transport.ServerOptions;
import org.hakoniwa.bridge.spi.transport.Transport;
import org.hakoniwa.bridge.spi.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty 12 (ee10) behind the {@link Transport} SPI. Servers accept WebSocket upgrades on any path; clients
 * use one lazily started Jakarta client container per transport.
 */
final class JettyTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(JettyTransport.class);

    static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(2);

    private final Object lock = new Object();
    // guarded by lock: servers, client, clientHttp, connectExecutor, closed
    private final List<JettyServerHandle> servers = new ArrayList<>();
    private JakartaWebSocketClientContainer client;
    private HttpClient clientHttp;
    private ExecutorService connectExecutor;
    private final OpenConnections clientConnections = new OpenConnections();
    private boolean closed;

    @Override
    public ServerHandle listen(ServerOptions options, ConnectionAcceptor acceptor) {
        requireNonNull(options, "options is null");
        requireNonNull(acceptor, "acceptor is null");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("bridge-jetty");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxBinaryMessageBufferSize(options.maxInboundMessageBytes());
            container.setDefaultMaxTextMessageBufferSize(options.maxInboundMessageBytes());
        });
        OpenConnections openConnections = new OpenConnections();
        ServerEndpointConfig endpointConfig = ServerEndpointConfig.Builder
                .create(JakartaEndpointAdapter.class, "/")
                .configurator(new EndpointConfigurator(acceptor, options.maxInboundMessageBytes(),
                        options.idleTimeout(), options.perMessageDeflate(), openConnections))
                .build();
        context.addServlet(new ServletHolder(new UpgradeServlet(endpointConfig)), "/*");
        server.setHandler(context);

        JettyServerHandle handle = new JettyServerHandle(server, connector, openConnections);
        synchronized (lock) {
            if (closed) {
                throw new TransportException("transport is closed");
            }
            try {
                server.start();
            } catch (Exception e) {
                stopQuietly(server);
                throw new TransportException("cannot listen on " + options.host() + ":" + options.port() + ": "
                        + e.getMessage(), e);
            }
            servers.add(handle);
        }
        return handle;
    }

    @Override
    public CompletableFuture<Connection> connect(URI uri, ClientOptions options, ConnectionAcceptor acceptor) {
        requireNonNull(uri, "uri is null");
        requireNonNull(options, "options is null");
        requireNonNull(acceptor, "acceptor is null");
        JakartaWebSocketClientContainer container;
        ExecutorService executor;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new TransportException("transport is closed"));
            }
            if (client == null) {
                startClient();
            }
            container = client;
            executor = connectExecutor;
        }
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        JakartaEndpointAdapter endpoint = new JakartaEndpointAdapter(acceptor, options.maxInboundMessageBytes(),
                options.idleTimeout(), opened, clientConnections);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        executor.execute(() -> {
            try {
                container.connectToServer(endpoint, config, uri);
            } catch (Exception e) {
                opened.completeExceptionally(new TransportException("cannot connect to " + uri + ": " + e.getMessage(), e));
            }
        });
        return opened;
    }

    private void startClient() {
        HttpClient http = new HttpClient();
        http.setConnectTimeout(10_000);
        JakartaWebSocketClientContainer container = new JakartaWebSocketClientContainer(http);
        try {
            http.start();
            container.start();
        } catch (Exception e) {
            stopQuietly(container);
            stopQuietly(http);
            throw new TransportException("cannot start the WebSocket client: " + e.getMessage(), e);
        }
        clientHttp = http;
        client = container;
        connectExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bridge-connect");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        List<JettyServerHandle> toStop;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = List.copyOf(servers);
            servers.clear();
        }
        toStop.forEach(JettyServerHandle::close);
        clientConnections.closeAll(Connection.GOING_AWAY, "client stopping", CLOSE_WAIT);
        synchronized (lock) {
            if (client != null) {
                stopQuietly(client);
                stopQuietly(clientHttp);
                connectExecutor.shutdownNow();
            }
        }
    }

    static void stopQuietly(org.eclipse.jetty.util.component.LifeCycle lifeCycle) {
        try {
            lifeCycle.stop();
        } catch (Exception e) {
            LOG.warn("error while stopping {}", lifeCycle, e);
        }
    }
}
