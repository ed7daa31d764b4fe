package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A comma-separated table with a header row; double-quoted cells may contain commas. */
public final class CsvTable {

    private final Path file;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    private CsvTable(Path file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    /** Reads {@code file}; every row must have as many cells as the header. */
    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        CsvTable t = new CsvTable(file, split(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line).toArray(new String[0]);
            if (cells.length != t.header.size()) {
                throw new IllegalArgumentException(file + ": row has " + cells.length + " cells, header " + t.header.size());
            }
            t.rows.add(cells);
        }
        return t;
    }

    /** Splits one line at commas outside double quotes; quotes are removed ("" stands for one quote). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The column names. */
    public List<String> header() {
        return header;
    }

    /** Number of data rows. */
    public int size() {
        return rows.size();
    }

    /** The text of {@code column} in row {@code r}. */
    public String text(int r, String column) {
        int c = header.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException(file + " has no column " + column + " (has " + header + ")");
        }
        return rows.get(r)[c];
    }

    /** The number in {@code column} of row {@code r}; NaN for an empty cell. */
    public double number(int r, String column) {
        String s = text(r, column).trim();
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
