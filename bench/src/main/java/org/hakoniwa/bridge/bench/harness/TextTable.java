package org.hakoniwa.bridge.bench.harness;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a title, headers, rows; columns as wide as their widest cell, numbers right-aligned. */
final class TextTable {
    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    TextTable(String title, List<String> headers) {
        this.title = title;
        this.headers = List.copyOf(headers);
    }

    void row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + headers.size()
                    + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    void note(String note) {
        notes.add(note);
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("== ").append(title).append(" ==\n");
        line(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        for (String note : notes) {
            out.append("  ").append(note).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            out.append(c == 0 ? "" : " | ");
            out.append(c == 0 ? cell + padding : padding + cell);
        }
        out.append('\n');
    }
}
