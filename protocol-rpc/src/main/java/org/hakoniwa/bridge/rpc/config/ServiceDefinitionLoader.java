package org.hakoniwa.bridge.rpc.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hakoniwa.bridge.pdu.config.ConfigFileException;
import org.hakoniwa.bridge.pdu.config.ConfigNode;

/**
 * Reads a service definition file ({@code service.json}) as the Hakoniwa clients use it:
 * <pre>{@code
 * {"pduMetaDataSize": 24,
 *  "services": [{"name", "type", "maxClients",
 *                "pduSize": {"server": {"heapSize", "baseSize"?}, "client": {"heapSize", "baseSize"?}}}, …],
 *  "nodes"?: [{"name", "topics"?: [{"topic_name", "type", "channel_id", "pduSize": {"heapSize"}}]}]}
 * }</pre>
 * A service's id is its index in {@code services}. Other fields ({@code pdu_config_path}, endpoint
 * settings, …) are ignored.
 */
public final class ServiceDefinitionLoader {
    private ServiceDefinitionLoader() {}

    /**
     * Loads a service definition file.
     *
     * @throws ConfigFileException naming the file, the JSON path and the problem if the file is missing, not
     *     JSON, misses a field, has a wrong type, repeats a service name or puts two node topics on a channel
     */
    public static ServiceDefinition load(Path file) {
        requireNonNull(file, "file is null");
        ConfigNode root = ConfigNode.read(file).requireObject();
        ConfigNode metaDataSize = root.get("pduMetaDataSize");
        int declared = metaDataSize.asInt(0);
        if (declared != ServiceDefinition.PDU_META_DATA_SIZE) {
            throw metaDataSize.error("expected " + ServiceDefinition.PDU_META_DATA_SIZE
                    + " (the size of the PduMetaData header of every Hakoniwa PDU), found " + declared);
        }
        return ServiceDefinition.of(services(root), nodeTopics(root));
    }

    private static List<ServiceSpec> services(ConfigNode root) {
        List<ConfigNode> entries = root.array("services");
        List<ServiceSpec> services = new ArrayList<>(entries.size());
        Map<String, Integer> idByName = new HashMap<>();
        for (int id = 0; id < entries.size(); id++) {
            ConfigNode entry = entries.get(id);
            String name = entry.string("name");
            Integer earlier = idByName.putIfAbsent(name, id);
            if (earlier != null) {
                throw entry.errorAt("name", "service name \"" + name + "\" is already used by $.services[" + earlier + "]");
            }
            String type = entry.string("type");
            int maxClients = entry.integer("maxClients", 1);
            ConfigNode pduSize = entry.object("pduSize");
            ConfigNode server = pduSize.object("server");
            ConfigNode client = pduSize.object("client");
            services.add(new ServiceSpec(id, name, type, maxClients,
                    baseSize(server), server.integer("heapSize", 0), baseSize(client), client.integer("heapSize", 0)));
        }
        return services;
    }

    private static int baseSize(ConfigNode side) {
        return side.optional("baseSize").map(size -> size.asInt(0)).orElse(0);
    }

    private static List<ServiceNodeTopic> nodeTopics(ConfigNode root) {
        List<ServiceNodeTopic> topics = new ArrayList<>();
        NodeTopicIndex index = new NodeTopicIndex();
        for (ConfigNode node : root.optionalArray("nodes")) {
            String nodeName = node.string("name");
            for (ConfigNode entry : node.optionalArray("topics")) {
                ServiceNodeTopic topic = new ServiceNodeTopic(nodeName, entry.string("topic_name"),
                        entry.string("type"), entry.integer("channel_id", 0));
                // The clients size the topic's PDU from this; check it even though the bridge does not use it.
                entry.object("pduSize").integer("heapSize", 0);
                index.add(topic).ifPresent(conflict -> {
                    throw entry.errorAt(switch (conflict.clash()) {
                        case CHANNEL -> "channel_id";
                        case TOPIC_NAME -> "topic_name";
                    }, conflict.problem());
                });
                topics.add(topic);
            }
        }
        return topics;
    }
}
