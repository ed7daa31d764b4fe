package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ledger file, the claims of one source text as data ({@code docs/src/ledger/<text>.txt}). The format is a
 * sequence of records separated by blank lines; each record is a set of {@code key: value} lines, a line that starts
 * with white space continues the value above it (joined by one space), and a line starting with {@code #} is a
 * comment. Keys: {@code id}, {@code source}, {@code test} ({@code Class#method}), {@code claim}, {@code stated},
 * {@code measured} (optional, default {@code {value}}), {@code note} (optional) and {@code figure} (optional: the
 * number the text states and its significant digits, e.g. {@code 6.2 2}). Values are AsciiDoc; {@code {name}} is a
 * placeholder for a measured figure.
 */
public final class LedgerFile {

    static final Set<String> KEYS = Set.of("id", "source", "test", "claim", "stated", "figure", "measured", "note");

    private LedgerFile() {
    }

    /** The claims of {@code file}, in file order. */
    public static List<ClaimEntry> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** The claims in {@code lines}; {@code name} appears in error messages. */
    static List<ClaimEntry> parse(List<String> lines, String name) {
        List<ClaimEntry> out = new ArrayList<>();
        Map<String, String> record = new LinkedHashMap<>();
        String key = null;
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!record.isEmpty()) {
                    out.add(entry(record, name + ":" + start));
                    record = new LinkedHashMap<>();
                }
                key = null;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (key == null) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": continuation line without a key");
                }
                record.put(key, record.get(key) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(": ");
            key = colon < 0 ? line.strip() : line.substring(0, colon);
            if (!KEYS.contains(key) || colon < 0 && !line.endsWith(":")) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected 'key: value' with a key of "
                        + KEYS + ", was " + line);
            }
            if (record.isEmpty()) {
                start = i + 1;
            }
            if (record.putIfAbsent(key, colon < 0 ? "" : line.substring(colon + 2).strip()) != null) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": key " + key + " given twice");
            }
        }
        return out;
    }

    private static ClaimEntry entry(Map<String, String> r, String origin) {
        Double figure = null;
        int digits = 0;
        if (r.containsKey("figure")) {
            String[] f = r.get("figure").split(" ");
            if (f.length != 2) {
                throw new IllegalArgumentException(origin + ": figure must be '<number> <digits>', was " + r.get("figure"));
            }
            figure = Double.parseDouble(f[0]);
            digits = Integer.parseInt(f[1]);
        }
        return new ClaimEntry(r.get("id"), r.get("source"), r.get("test"), r.get("claim"), r.get("stated"), figure,
                digits, r.getOrDefault("measured", "{value}"), r.get("note"), origin);
    }
}
