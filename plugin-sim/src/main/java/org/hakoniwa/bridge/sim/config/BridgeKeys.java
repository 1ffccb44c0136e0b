package org.hakoniwa.bridge.sim.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key of the bridge, with its type, default and description. This is the one place a key
 * is defined: the loader, {@code --help}, the effective-configuration log line and the README table are all
 * generated from {@link #all()}. To add a key, add one constant here.
 *
 * <p>Keys under {@link #EXT_PREFIX} are not defined here: they belong to custom providers, pass through
 * unvalidated and are read with {@code ProviderConfig.raw}.
 */
public final class BridgeKeys {
    /** Keys under this prefix are passed through to custom providers without validation. */
    public static final String EXT_PREFIX = "bridge.ext.";

    // Filled by define() while the constants below are initialised, in the order they are written.
    private static final List<ConfigKey<?>> DEFINED = new ArrayList<>();

    private static final int NO_MAX = Integer.MAX_VALUE;
    private static final long MIB = 1024 * 1024;
    /** A v2 frame header; no message can be smaller. */
    private static final long HEADER_BYTES = 304;

    public static final ConfigKey<String> BIND = define(ConfigKey.string("bridge.bind", "127.0.0.1",
            "Address the WebSocket server listens on; 0.0.0.0 listens on every interface."));
    public static final ConfigKey<Integer> PORT = define(ConfigKey.integer("bridge.port", 8080, 0, 65535,
            "TCP port the WebSocket server listens on; 0 picks a free port."));
    public static final ConfigKey<String> TRANSPORT = define(ConfigKey.string("bridge.transport", "jetty",
            "Name of the TransportProvider that runs the WebSocket server."));
    public static final ConfigKey<String> SUBSCRIPTION_STORE = define(ConfigKey.string("bridge.subscription-store",
            "memory", "Name of the SubscriptionStoreProvider that records which client reads which PDU topic."));
    public static final ConfigKey<String> ROUTE_STORE = define(ConfigKey.string("bridge.route-store", "memory",
            "Name of the RouteStoreProvider that records RPC registrations and calls in progress."));
    public static final ConfigKey<String> BACKPRESSURE_POLICY = define(ConfigKey.string(
            "bridge.backpressure.policy", "latest-wins",
            "Name of the BackpressurePolicyProvider applied to each client's data queue"
                    + " (built-ins: block, drop-newest, drop-oldest, latest-wins)."));
    public static final ConfigKey<Integer> BACKPRESSURE_QUEUE_DEPTH = define(ConfigKey.integer(
            "bridge.backpressure.queue-depth", 1024, 1, NO_MAX,
            "Data frames that may wait per client before the backpressure policy acts."));
    public static final ConfigKey<Long> BACKPRESSURE_QUEUE_BYTES = define(ConfigKey.size(
            "bridge.backpressure.queue-bytes", 16 * MIB, 1, Long.MAX_VALUE,
            "Bytes of data frames that may wait per client; at least bridge.max-outbound-message-size."));
    public static final ConfigKey<Duration> BACKPRESSURE_BLOCK_TIMEOUT = define(ConfigKey.duration(
            "bridge.backpressure.block-timeout", Duration.ofMillis(100), Duration.ZERO,
            "How long a publisher waits for room under the block policy before the frame is dropped."));
    public static final ConfigKey<Integer> BACKPRESSURE_CONTROL_QUEUE_DEPTH = define(ConfigKey.integer(
            "bridge.backpressure.control-queue-depth", 4096, 1, NO_MAX,
            "RPC replies and acknowledgements that may wait per client before the client is disconnected."));
    public static final ConfigKey<Integer> MAX_CLIENTS = define(ConfigKey.integer("bridge.max-clients", 1, 1,
            NO_MAX, "Most clients connected at once; further connections are refused."));
    public static final ConfigKey<Optional<Boolean>> MULTI_CLIENT_ENABLED = define(ConfigKey.optionalBool(
            "bridge.multi-client-enabled",
            "Multi-client mode; an explicit value wins, unset means on exactly when bridge.max-clients > 1."));
    public static final ConfigKey<Duration> PING_INTERVAL = define(ConfigKey.duration("bridge.ping-interval",
            Duration.ofSeconds(20), Duration.ZERO, "Time between WebSocket pings to each client; 0 turns pings off."));
    public static final ConfigKey<Duration> PING_TIMEOUT = define(ConfigKey.duration("bridge.ping-timeout",
            Duration.ofSeconds(20), Duration.ZERO,
            "How long a client may take to answer a ping before it is disconnected."));
    public static final ConfigKey<Long> MAX_MESSAGE_SIZE = define(ConfigKey.size("bridge.max-message-size",
            MIB + HEADER_BYTES, HEADER_BYTES, Integer.MAX_VALUE,
            "Largest inbound message (default: room for a 1 MiB body and its header);"
                    + " a bigger one closes the connection with 1009."));
    public static final ConfigKey<Long> MAX_OUTBOUND_MESSAGE_SIZE = define(ConfigKey.size(
            "bridge.max-outbound-message-size", MIB, HEADER_BYTES, Integer.MAX_VALUE,
            "Largest message the bridge sends; bigger frames are dropped (the Python client refuses them)."));
    public static final ConfigKey<Boolean> PERMESSAGE_DEFLATE = define(ConfigKey.bool("bridge.permessage-deflate",
            false, "Accept the permessage-deflate compression that clients offer."));
    public static final ConfigKey<Optional<Path>> PDU_CONFIG = define(ConfigKey.optionalPath("bridge.pdu-config",
            "PDU definition file; unset uses the bundled demo definition."));
    public static final ConfigKey<Optional<Path>> SERVICE_CONFIG = define(ConfigKey.optionalPath(
            "bridge.service-config", "RPC service definition file (service.json); unset uses the bundled demo."));
    public static final ConfigKey<Optional<Path>> PLUGIN_DIR = define(ConfigKey.optionalPath("bridge.plugin-dir",
            "Folder whose jar files (not those of its subfolders) are searched for more providers; unset means none."));
    public static final ConfigKey<String> PDU_UNKNOWN_TOPICS = define(ConfigKey.choice("bridge.pdu.unknown-topics",
            "reject-unknown", List.of("reject-unknown", "allow-unknown"),
            "Whether clients may declare and write topics that the PDU definition lacks."));
    public static final ConfigKey<Boolean> PDU_RELAY_CLIENT_WRITES = define(ConfigKey.bool(
            "bridge.pdu.relay-client-writes", false,
            "Relay PDU data that one client writes to the other clients reading that topic."));
    public static final ConfigKey<Boolean> PDU_LAST_VALUE_ON_DECLARE = define(ConfigKey.bool(
            "bridge.pdu.last-value-on-declare", true,
            "Send a topic's last value to a client as soon as it declares read."));
    public static final ConfigKey<Boolean> PDU_BROADCAST_TO_UNDECLARED = define(ConfigKey.bool(
            "bridge.pdu.broadcast-to-undeclared", false,
            "Send PDU data also to clients that never declared read on the topic."));
    public static final ConfigKey<Duration> RPC_DEADLINE = define(ConfigKey.duration("bridge.rpc.deadline",
            Duration.ofSeconds(10), Duration.ofMillis(1),
            "How long an RPC call may wait for its reply before the caller is told it timed out."));
    public static final ConfigKey<Integer> RPC_MAX_IN_FLIGHT = define(ConfigKey.integer("bridge.rpc.max-in-flight",
            32, 1, NO_MAX, "RPC calls one client may have in progress at once."));
    public static final ConfigKey<Boolean> RPC_ENFORCE_MAX_CLIENTS = define(ConfigKey.bool(
            "bridge.rpc.enforce-max-clients", false,
            "Refuse RPC registrations beyond a service's maxClients (the existing server does not)."));
    public static final ConfigKey<Duration> SHUTDOWN_DRAIN_TIMEOUT = define(ConfigKey.duration(
            "bridge.shutdown.drain-timeout", Duration.ofSeconds(2), Duration.ZERO,
            "How long shutdown waits for queued frames to be sent before it closes the connections."));
    public static final ConfigKey<Double> DEMO_PUBLISH_HZ = define(ConfigKey.decimal("bridge.demo.publish-hz", 10,
            0, "How many times a second the demo host publishes its PDU data."));

    private static final List<ConfigKey<?>> ALL = List.copyOf(DEFINED);
    private static final Map<String, ConfigKey<?>> BY_NAME = index(ALL);

    private BridgeKeys() {
    }

    /** Every key, in the order of this file. */
    public static List<ConfigKey<?>> all() {
        return ALL;
    }

    /** The key called {@code name}, or empty when the bridge defines no such key. */
    public static Optional<ConfigKey<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether {@code name} lies in the pass-through namespace of custom providers. */
    public static boolean isExtension(String name) {
        return name.startsWith(EXT_PREFIX) && name.length() > EXT_PREFIX.length();
    }

    /**
     * The environment variable that sets {@code name}: upper case, with {@code .} and {@code -} turned into
     * {@code _} ({@code bridge.max-clients} → {@code BRIDGE_MAX_CLIENTS}).
     */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static <T> ConfigKey<T> define(ConfigKey<T> key) {
        DEFINED.add(key);
        return key;
    }

    private static Map<String, ConfigKey<?>> index(List<ConfigKey<?>> keys) {
        Map<String, ConfigKey<?>> byName = new HashMap<>();
        Map<String, String> byEnvironmentName = new HashMap<>();
        for (ConfigKey<?> key : keys) {
            if (key.name().startsWith(EXT_PREFIX)) {
                throw new IllegalStateException(EXT_PREFIX + " is reserved for custom providers: " + key.name());
            }
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("key defined twice: " + key.name());
            }
            String clash = byEnvironmentName.put(environmentName(key.name()), key.name());
            if (clash != null) {
                throw new IllegalStateException("keys share environment variable " + environmentName(key.name())
                        + ": " + clash + " and " + key.name());
            }
        }
        return Map.copyOf(byName);
    }
}
