package org.hakoniwa.bridge.sim.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's configuration table, generated from {@link BridgeKeys}. Print it with {@code main}, or
 * rewrite the README in place with {@code main --update README.md} (from the repository root, after a
 * build: {@code java -cp plugin-sim/target/classes org.hakoniwa.bridge.sim.config.ConfigDocs --update README.md}).
 */
public final class ConfigDocs {
    public static final String BEGIN_MARKER = "<!-- config-table:begin -->";
    public static final String END_MARKER = "<!-- config-table:end -->";

    private ConfigDocs() {
    }

    /** A Markdown table with the columns key, type, default and description; every line ends with {@code \n}. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| Key | Type | Default | Description |\n");
        table.append("|---|---|---|---|\n");
        for (ConfigKey<?> key : BridgeKeys.all()) {
            row(table, "`" + key.name() + "`", key.type(),
                    key.hasDefault() ? "`" + key.defaultText() + "`" : key.defaultText(), key.description());
        }
        row(table, "`" + BridgeKeys.EXT_PREFIX + "*`", "string", ConfigKey.UNSET,
                "Reserved for custom providers: passed through unchecked, read with ProviderConfig.raw().");
        return table.toString();
    }

    /** {@code readme} with the text between the markers replaced by {@link #markdownTable()}. */
    public static String updateReadme(String readme) {
        String text = readme.replace("\r\n", "\n");
        int begin = text.indexOf(BEGIN_MARKER + "\n");
        int end = text.indexOf("\n" + END_MARKER, begin);
        if (begin < 0 || end < 0) {
            throw new IllegalArgumentException("the README has no lines " + BEGIN_MARKER + " and " + END_MARKER);
        }
        return text.substring(0, begin + BEGIN_MARKER.length() + 1) + markdownTable() + text.substring(end + 1);
    }

    private static void row(StringBuilder table, String... cells) {
        table.append('|');
        for (String cell : cells) {
            table.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        table.append('\n');
    }

    /** Prints the table, or with {@code --update FILE} rewrites that file's table in place. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--update")) {
            Path readme = Path.of(args[1]);
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            Files.writeString(readme, updateReadme(text), StandardCharsets.UTF_8);
            return;
        }
        System.out.print(markdownTable());
    }
}
