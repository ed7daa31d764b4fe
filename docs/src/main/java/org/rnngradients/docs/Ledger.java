package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The claims ledger: every checkable claim of the five source texts with its measurement and verdict. The rows are
 * data, one file per text under {@link #DIR} (format: {@link LedgerFile}); each row names the test method that
 * checks it, and its measurement is registered by the text's class ({@link Text000} … {@link Text004}), which
 * calls the same code as that test.
 */
public final class Ledger {

    /** The ledger files, relative to the project root. */
    public static final String DIR = "docs/src/ledger";

    private final List<ClaimEntry> entries = new ArrayList<>();
    private final List<LedgerRow> rows = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Reads the ledger files under {@code root} and runs every row's measurement (deterministic: fixed seeds). */
    public Ledger(Path root) {
        Measurements measurements = new Measurements();
        Text000.register(measurements, root);
        Text001.register(measurements, root);
        Text002.register(measurements, root);
        Text003.register(measurements);
        Text004.register(measurements, root);
        entries.addAll(read(root.resolve(DIR)));
        Set<String> unused = new LinkedHashSet<>(measurements.ids());
        for (ClaimEntry e : entries) {
            if (rows.stream().anyMatch(r -> r.id().equals(e.id()))) {
                throw new IllegalArgumentException("duplicate ledger row " + e.id() + " (" + e.origin() + ")");
            }
            Measurement m = new Measurement(e);
            measurements.measure(m);
            rows.add(m.row());
            values.putAll(m.quoted());
            unused.remove(e.id());
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException("measurements without a ledger row: " + unused);
        }
    }

    /** Every claim of every ledger file under {@code dir}, files in name order. */
    static List<ClaimEntry> read(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<ClaimEntry> out = new ArrayList<>();
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList())) {
                out.addAll(LedgerFile.read(f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims as the files record them, in file order. */
    public List<ClaimEntry> entries() {
        return List.copyOf(entries);
    }

    /** The rows in file order. */
    public List<LedgerRow> rows() {
        return List.copyOf(rows);
    }

    /** The row with this id, or throws. */
    public LedgerRow row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ledger row " + id));
    }

    /** The figures the prose quotes, by attribute suffix. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Counts rows with the verdict. */
    public long count(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }

    /** Sections of the five texts in the order the texts present them; a source is ranked by its first match. */
    static final List<String> SECTIONS = List.of("000 §1", "000 §2",
            "001 refresher", "001 core problem", "001 table", "001 example", "001 exploding",
            "002 why", "002 three cases", "002 saturation", "002 corpus", "002 gated path", "002 lab", "002 clipping", "002 drill",
            "003 claim", "003 setup", "003 vanishing", "003 when", "003 exploding", "003 Lyapunov", "003 loose",
            "003 implications",
            "004 three problems", "004 recurrent term", "004 spectral norm", "004 norm bound", "004 vanishing", "004 remedies");

    /** Sort key of a source: its section's place, or after its text's known sections when unlisted. */
    static int rank(String source) {
        for (int i = 0; i < SECTIONS.size(); i++) {
            if (source.startsWith(SECTIONS.get(i))) {
                return 1000 * Integer.parseInt(source.substring(0, 3)) + i;
            }
        }
        return 1000 * Integer.parseInt(source.substring(0, 3)) + 999;
    }

    /** The rows sorted by text, then by section (stable, so file order within a section). */
    public List<LedgerRow> sorted() {
        List<LedgerRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(r -> rank(r.source())));
        return sorted;
    }

    /** The number a row has in the printed table, from 1. */
    public int number(String id) {
        List<LedgerRow> sorted = sorted();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no ledger row " + id);
    }

    /**
     * The ledger as an AsciiDoc table: each row's anchor ({@code claim-<id>}, cited as "claim N"), its test linked to
     * the shipped source, and links back to the sections that cite it ({@code citations}).
     */
    public String table(Citations citations, SourcePages sources) {
        StringBuilder sb = new StringBuilder();
        sb.append("[.ledger,cols=\"1,2,8,4,6,3,7\",options=\"header\"]\n|===\n");
        sb.append("| # | Source | Claim | Stated | Measured | Verdict | Test, text and note\n\n");
        int n = 0;
        for (LedgerRow r : sorted()) {
            n++;
            String test = r.test();
            String href = sources.link(sources.sourceOf("org.rnngradients.docs." + test.substring(0, test.indexOf('#'))),
                    "m-" + test.substring(test.indexOf('#') + 1));
            List<String> cited = citations.of("claim-" + r.id());
            sb.append("| [[claim-").append(r.id()).append(",claim ").append(n).append("]]").append(n).append('\n')
              .append("| ").append(r.source()).append('\n')
              .append("| ").append(r.claim()).append('\n')
              .append("| ").append(r.stated()).append('\n')
              .append("| ").append(r.measured()).append('\n')
              .append("| *").append(r.verdict().label()).append("*\n")
              .append("| +++").append(Formats.codeLink(href, test)).append("+++");
            if (!cited.isEmpty()) {
                sb.append(" +\nIn the text: ").append(cited.stream().map(s -> "<<" + s + ">>").collect(Collectors.joining(", ")))
                  .append('.');
            }
            sb.append(r.note().isEmpty() ? "" : " +\n" + r.note()).append("\n\n");
        }
        return sb.append("|===\n").toString();
    }
}
