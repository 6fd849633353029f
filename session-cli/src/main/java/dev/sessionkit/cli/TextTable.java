package dev.sessionkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people: a header row, then one row per item, columns left-aligned and two spaces apart.
 * Cells are made safe for a terminal ({@link #cell}) and cut at {@value #MAX_CELL} characters; the full values are
 * in {@code --json}. Not thread-safe; build, then print once.
 */
final class TextTable {

    /** Widest cell shown; longer values end in "...". */
    static final int MAX_CELL = 40;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (String cell : cells) {
            String safe = cell(cell);
            row.add(safe.length() > MAX_CELL ? safe.substring(0, MAX_CELL - 3) + "..." : safe);
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headers, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
            }
        }
        out.println(line);
    }

    /**
     * Makes stored text safe to print on a terminal: an empty or missing value becomes "-", and control characters
     * (which a client could have put in its User-Agent to move the cursor or recolour the screen) become '?'.
     */
    static String cell(String value) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        StringBuilder safe = new StringBuilder(value.length());
        value.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }
}
