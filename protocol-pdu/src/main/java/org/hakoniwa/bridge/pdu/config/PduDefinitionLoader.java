package org.hakoniwa.bridge.pdu.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PDU definition file in either of the two forms the Hakoniwa clients accept.
 *
 * <ul>
 *   <li><b>Legacy</b>: {@code {"robots":[{"name":R, "shm_pdu_readers":[E…], "shm_pdu_writers":[E…],
 *       "rpc_pdu_readers":[E…], "rpc_pdu_writers":[E…]}]}} with
 *       {@code E = {"org_name", "channel_id", "pdu_size", "type", …}}. The four lists are optional; an
 *       entry listed as reader and as writer is one channel.
 *   <li><b>Compact</b> (has {@code paths}): {@code {"paths":[{"id", "path"}], "robots":[{"name",
 *       "pdutypes_id"}]}}; each path names a file {@code [{"name", "channel_id", "pdu_size", "type"}…]},
 *       relative to the definition file's folder, whose entries every robot with that id gets.
 * </ul>
 *
 * <p>Fields not listed here ({@code name}, {@code write_cycle}, {@code method_type}, …) are ignored.
 */
public final class PduDefinitionLoader {
    private static final Set<String> LEGACY_LISTS =
            Set.of("shm_pdu_readers", "shm_pdu_writers", "rpc_pdu_readers", "rpc_pdu_writers");

    private PduDefinitionLoader() {}

    /**
     * Loads a PDU definition file.
     *
     * @throws ConfigFileException naming the file, the JSON path and the problem if the file (or a pdutypes
     *     file it refers to) is missing, not JSON, misses a field, has a wrong type or contradicts itself
     */
    public static PduDefinition load(Path file) {
        requireNonNull(file, "file is null");
        ConfigNode root = ConfigNode.read(file).requireObject();
        return root.has("paths") ? loadCompact(root) : loadLegacy(root);
    }

    private static PduDefinition loadLegacy(ConfigNode root) {
        PduChannelTable table = new PduChannelTable();
        for (ConfigNode robot : root.array("robots")) {
            String name = robot.string("name");
            for (String field : robot.fieldNames()) {
                if (!LEGACY_LISTS.contains(field)) {
                    continue;
                }
                for (ConfigNode entry : robot.array(field)) {
                    PduChannel channel = new PduChannel(name, entry.string("org_name"),
                            entry.integer("channel_id", 0), entry.integer("pdu_size", 1), entry.string("type"));
                    add(table, channel, entry, "org_name");
                }
            }
        }
        return table.build();
    }

    private static PduDefinition loadCompact(ConfigNode root) {
        Map<String, List<PduType>> typesById = new LinkedHashMap<>();
        for (ConfigNode pathEntry : root.array("paths")) {
            String id = pathEntry.string("id");
            if (typesById.containsKey(id)) {
                throw pathEntry.errorAt("id", "id \"" + id + "\" is used twice in $.paths");
            }
            typesById.put(id, readPduTypes(pathEntry.get("path")));
        }
        PduChannelTable table = new PduChannelTable();
        for (ConfigNode robot : root.array("robots")) {
            String name = robot.string("name");
            String id = robot.string("pdutypes_id");
            List<PduType> types = typesById.get(id);
            if (types == null) {
                throw robot.errorAt("pdutypes_id", "pdutypes_id \"" + id + "\" is not one of the ids in $.paths ("
                        + (typesById.isEmpty() ? "there are none" : String.join(", ", typesById.keySet())) + ")");
            }
            for (PduType type : types) {
                add(table, new PduChannel(name, type.name(), type.channelId(), type.pduSize(), type.type()),
                        type.entry(), "name");
            }
        }
        return table.build();
    }

    /** One entry of a pdutypes file, before it is given to a robot. */
    private record PduType(String name, int channelId, int pduSize, String type, ConfigNode entry) {}

    private static List<PduType> readPduTypes(ConfigNode pathNode) {
        String relative = pathNode.asString();
        Path file;
        try {
            Path folder = pathNode.file().getParent();
            file = folder == null ? Path.of(relative) : folder.resolve(relative);
        } catch (InvalidPathException e) {
            throw pathNode.error("not a valid file path: " + e.getReason());
        }
        if (!Files.exists(file)) {
            throw pathNode.error("file not found: " + file);
        }
        List<PduType> types = new ArrayList<>();
        for (ConfigNode entry : ConfigNode.read(file).asArray()) {
            types.add(new PduType(entry.string("name"), entry.integer("channel_id", 0),
                    entry.integer("pdu_size", 1), entry.string("type"), entry));
        }
        return types;
    }

    private static void add(PduChannelTable table, PduChannel channel, ConfigNode entry, String topicField) {
        table.add(channel).ifPresent(conflict -> {
            String field = switch (conflict.field()) {
                case TOPIC -> topicField;
                case CHANNEL_ID -> "channel_id";
                case TYPE -> "type";
                case PDU_SIZE -> "pdu_size";
            };
            throw entry.errorAt(field, conflict.problem());
        });
    }
}
