package org.hakoniwa.bridge.pdu.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value of a parsed JSON configuration file, together with the file and the JSONPath it came from.
 *
 * <p>Every accessor checks the shape it expects and throws a {@link ConfigFileException} that names
 * the file, the JSONPath and what was found instead, so loaders never see a {@code null}, a wrong type
 * or an out-of-range number. Fields that a loader does not ask for are ignored: files in the wild carry
 * more than any one reader uses. Instances are immutable.
 */
public final class ConfigNode {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // Jackson puts "[Source: ...; " in front of nested locations; our message names the file already.
    private static final Pattern SOURCE_PREFIX = Pattern.compile("\\[Source: [^;\\]]*; ");

    private final Path file;
    private final String path;
    private final JsonNode value;

    private ConfigNode(Path file, String path, JsonNode value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    /**
     * Reads and parses a whole JSON file.
     *
     * @throws ConfigFileException at {@code $} if the file is missing, unreadable, empty or not valid JSON
     */
    public static ConfigNode read(Path file) {
        requireNonNull(file, "file is null");
        if (Files.isDirectory(file)) {
            throw new ConfigFileException(file, "$", "is a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = MAPPER.createParser(in)) {
            JsonNode root = MAPPER.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new ConfigFileException(file, "$", "not valid JSON: the file is empty");
            }
            if (parser.nextToken() != null) {
                throw new ConfigFileException(file, "$", "not valid JSON: unexpected content after the end of the JSON value"
                        + at(parser.currentTokenLocation()));
            }
            return new ConfigNode(file, "$", root);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(file, "$", "file not found", e);
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(file, "$", "cannot read the file: permission denied", e);
        } catch (JsonProcessingException e) {
            throw new ConfigFileException(file, "$", "not valid JSON: "
                    + SOURCE_PREFIX.matcher(e.getOriginalMessage()).replaceAll("[") + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new ConfigFileException(file, "$", "cannot read the file: " + e.getMessage(), e);
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The file this value was read from. */
    public Path file() {
        return file;
    }

    /** The JSONPath of this value, {@code $} for the document itself. */
    public String path() {
        return path;
    }

    /** Whether this is an object that has the field (even with the value {@code null}). */
    public boolean has(String name) {
        return value.isObject() && value.has(name);
    }

    /** This value, checked to be a JSON object. */
    public ConfigNode requireObject() {
        if (!value.isObject()) {
            throw error("expected an object, found " + describe(value));
        }
        return this;
    }

    /** A field that must be present; this value must be an object. */
    public ConfigNode get(String name) {
        return optional(name).orElseThrow(() -> error("missing required field \"" + name + "\""));
    }

    /** A field that may be absent; this value must be an object. */
    public Optional<ConfigNode> optional(String name) {
        requireObject();
        JsonNode child = value.get(name);
        return child == null ? Optional.empty() : Optional.of(new ConfigNode(file, childPath(name), child));
    }

    /** The names of this object's fields in file order. */
    public List<String> fieldNames() {
        requireObject();
        List<String> names = new ArrayList<>(value.size());
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** This value as a non-empty string. */
    public String asString() {
        if (!value.isTextual()) {
            throw error("expected a string, found " + describe(value));
        }
        String text = value.textValue();
        if (text.isEmpty()) {
            throw error("expected a non-empty string, found \"\"");
        }
        return text;
    }

    /** This value as an {@code int} that is at least {@code min} (an integral JSON number, not 1.0). */
    public int asInt(int min) {
        if (!value.isIntegralNumber()) {
            throw error("expected an integer, found " + describe(value));
        }
        boolean tooSmall = value.canConvertToInt() ? value.intValue() < min : value.bigIntegerValue().signum() < 0;
        if (tooSmall) {
            throw error("expected " + lowerBound(min) + ", found " + describe(value));
        }
        if (!value.canConvertToInt()) {
            throw error("expected an integer no larger than " + Integer.MAX_VALUE + ", found " + describe(value));
        }
        return value.intValue();
    }

    private static String lowerBound(int min) {
        return switch (min) {
            case 0 -> "a non-negative integer";
            case 1 -> "a positive integer";
            default -> "an integer no smaller than " + min;
        };
    }

    /** This value as an array, one node per element. */
    public List<ConfigNode> asArray() {
        if (!value.isArray()) {
            throw error("expected an array, found " + describe(value));
        }
        List<ConfigNode> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new ConfigNode(file, path + "[" + i + "]", value.get(i)));
        }
        return elements;
    }

    /** Shorthand for {@code get(name).asString()}. */
    public String string(String name) {
        return get(name).asString();
    }

    /** Shorthand for {@code get(name).asInt(min)}. */
    public int integer(String name, int min) {
        return get(name).asInt(min);
    }

    /** Shorthand for {@code get(name).requireObject()}. */
    public ConfigNode object(String name) {
        return get(name).requireObject();
    }

    /** Shorthand for {@code get(name).asArray()}. */
    public List<ConfigNode> array(String name) {
        return get(name).asArray();
    }

    /** The elements of an array field, or no elements if the field is absent. */
    public List<ConfigNode> optionalArray(String name) {
        return optional(name).map(ConfigNode::asArray).orElse(List.of());
    }

    /** An exception about this value. */
    public ConfigFileException error(String problem) {
        return new ConfigFileException(file, path, problem);
    }

    /** An exception about a field of this object, present or not. */
    public ConfigFileException errorAt(String field, String problem) {
        return new ConfigFileException(file, childPath(field), problem);
    }

    private String childPath(String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** How a found value reads in a message: scalars as JSON text, containers by kind. */
    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.toString();
    }

    @Override
    public String toString() {
        return file + ": " + path;
    }
}
