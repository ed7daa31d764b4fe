package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the chapters cite things: for every {@code <<claim-ID>>} (a ledger row) and {@code <<ref-KEY>>} (a
 * bibliography entry) the sections that cite it, by the explicit anchor of the enclosing section. The ledger prints
 * these as links back into the text; a citation in a section without an anchor is an error.
 */
public final class Citations {

    private static final Pattern ANCHOR = Pattern.compile("^\\[\\[([A-Za-z0-9_-]+)(,[^\\]]*)?\\]\\]$");
    private static final Pattern HEADING = Pattern.compile("^=+ \\S.*");
    private static final Pattern CITE = Pattern.compile("<<((?:claim|ref)-[a-z0-9-]+)(?:,[^>]*)?>>");

    private final Map<String, Set<String>> sections = new LinkedHashMap<>();

    private Citations() {
    }

    /** Scans every {@code .adoc} file of {@code chapters} (sorted by name) except those named in {@code skip}. */
    public static Citations scan(Path chapters, Set<String> skip) throws IOException {
        Citations c = new Citations();
        List<Path> files;
        try (Stream<Path> s = Files.list(chapters)) {
            files = s.filter(p -> p.toString().endsWith(".adoc") && !skip.contains(p.getFileName().toString()))
                     .sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            c.scan(Files.readAllLines(f, StandardCharsets.UTF_8), f.getFileName().toString());
        }
        return c;
    }

    /** The citations of one text given as lines (for tests). */
    static Citations scanLines(List<String> lines) {
        Citations c = new Citations();
        c.scan(lines, "lines");
        return c;
    }

    /** Records the citations in {@code lines}; {@code name} appears in error messages. */
    void scan(List<String> lines, String name) {
        String pending = null;
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher anchor = ANCHOR.matcher(line);
            if (anchor.matches()) {
                pending = anchor.group(1);
                continue;
            }
            if (HEADING.matcher(line).matches()) {
                section = pending;
            }
            if (!line.isBlank() && !line.startsWith(".")) {
                pending = null;
            }
            Matcher cite = CITE.matcher(line);
            while (cite.find()) {
                if (section == null) {
                    throw new IllegalStateException(name + ":" + (i + 1) + ": " + cite.group(1)
                            + " is cited in a section without an explicit [[anchor]]");
                }
                sections.computeIfAbsent(cite.group(1), k -> new LinkedHashSet<>()).add(section);
            }
        }
    }

    /** The anchors of the sections citing {@code target} (e.g. {@code claim-power-norm}), in book order. */
    public List<String> of(String target) {
        return new ArrayList<>(sections.getOrDefault(target, Set.of()));
    }

    /** Every cited target. */
    public Set<String> targets() {
        return sections.keySet();
    }
}
