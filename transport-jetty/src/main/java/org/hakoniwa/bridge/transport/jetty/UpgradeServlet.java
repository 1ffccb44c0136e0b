package org.hakoniwa.bridge.transport.jetty;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;

/**
 * Upgrades a request on any path: the Hakoniwa clients connect to {@code ws://host:port} with no path, and
 * Jakarta endpoint mappings cannot express "every path". A plain HTTP request gets a one-line hint.
 */
final class UpgradeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ServerEndpointConfig endpointConfig;

    UpgradeServlet(ServerEndpointConfig endpointConfig) {
        this.endpointConfig = endpointConfig;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.setStatus(426);
            response.setHeader("Upgrade", "websocket");
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().println("Hakoniwa WebSocket bridge: connect with a WebSocket client.");
            return;
        }
        ServerContainer container = (ServerContainer) getServletContext().getAttribute(ServerContainer.class.getName());
        try {
            container.upgradeHttpToWebSocket(request, response, endpointConfig, Map.of());
        } catch (DeploymentException e) {
            throw new IOException("WebSocket upgrade failed: " + e.getMessage(), e);
        }
    }
}
