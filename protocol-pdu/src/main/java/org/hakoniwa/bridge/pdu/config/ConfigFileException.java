package org.hakoniwa.bridge.pdu.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used: missing, not JSON, or JSON that does not describe a valid
 * configuration. The message is always {@code <file>: <jsonPath>: <problem>}, for example
 * {@code conf/pdu_config.json: $.robots[1].shm_pdu_readers[0].channel_id: expected an integer, found "abc"},
 * so that a user can go straight to the offending value.
 */
public final class ConfigFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // Path implementations are not serializable; the message keeps the file name either way.
    private final transient Path file;
    private final String jsonPath;
    private final String problem;

    public ConfigFileException(Path file, String jsonPath, String problem) {
        this(file, jsonPath, problem, null);
    }

    public ConfigFileException(Path file, String jsonPath, String problem, Throwable cause) {
        super(requireNonNull(file, "file is null") + ": "
                + requireNonNull(jsonPath, "jsonPath is null") + ": "
                + requireNonNull(problem, "problem is null"), cause);
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /** The file that holds the problem, as it was given to the loader or resolved from a reference. */
    public Path file() {
        return file;
    }

    /** Where in the file: {@code $} for the whole document, else a JSONPath like {@code $.robots[0].name}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** What is wrong, without the file and path. */
    public String problem() {
        return problem;
    }
}
