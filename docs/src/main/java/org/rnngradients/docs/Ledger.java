package org.rnngradients.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The claims ledger: every checkable claim of the five source texts with its measurement and verdict.
 * Rows are built from {@link Claims}, {@link ProductClaims} and {@link LabClaims}, the same methods the
 * tests call.
 */
public final class Ledger {

    /** Test class every row names. */
    public static final String TEST = "ClaimsTest";

    private final List<LedgerRow> rows = new ArrayList<>();
    private final java.util.Map<String, String> values = new java.util.LinkedHashMap<>();

    /** Builds all rows (deterministic: fixed seeds); {@code root} is the project root (for recorded results). */
    public Ledger(java.nio.file.Path root) {
        Text000.add(this, root);
        Text001.add(this);
        Text002.add(this, root);
        Text003.add(this);
        Text004.add(this, root);
    }

    /** The rows in source order. */
    public List<LedgerRow> rows() {
        return List.copyOf(rows);
    }

    /** The row with this id, or throws. */
    public LedgerRow row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ledger row " + id));
    }

    /** Adds a numeric claim judged by {@link Verdict#forNumber}. */
    void number(String id, String source, String claim, String statedText, double stated, int digits,
                double measured, String test, String note) {
        add(new LedgerRow(id, source, claim, statedText, Formats.adoc(measured, 4),
                Verdict.forNumber(stated, digits, measured), test, note));
        value(id, Formats.adoc(measured, 4));
    }

    /** Adds a row as given. */
    void add(LedgerRow row) {
        if (rows.stream().anyMatch(r -> r.id().equals(row.id()))) {
            throw new IllegalArgumentException("duplicate ledger row " + row.id());
        }
        rows.add(row);
    }

    /** Records the bare measured figure of row {@code id} for use in prose (AsciiDoc markup). */
    void value(String id, String markup) {
        row(id);
        values.put(id, markup);
    }

    /** Records a further figure of row {@code id}, quoted in prose as {@code value-<id>-<suffix>}. */
    void value(String id, String suffix, String markup) {
        row(id);
        values.put(id + "-" + suffix, markup);
    }

    /** The bare measured figures by row id. */
    public java.util.Map<String, String> values() {
        return java.util.Collections.unmodifiableMap(values);
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

    /** The ledger as an AsciiDoc table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("[.ledger,cols=\"2,8,4,6,3,7\",options=\"header\"]\n|===\n");
        sb.append("| Source | Claim | Stated | Measured | Verdict | Test and note\n\n");
        List<LedgerRow> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingInt(r -> rank(r.source())));   // stable: by text, then section
        for (LedgerRow r : sorted) {
            sb.append("| ").append(r.source()).append('\n')
              .append("| [[claim-").append(r.id()).append(",ledger: ").append(r.id()).append("]]").append(r.claim()).append('\n')
              .append("| ").append(r.stated()).append('\n')
              .append("| ").append(r.measured()).append('\n')
              .append("| *").append(r.verdict().label()).append("*\n")
              .append("| `").append(TEST).append('#').append(r.test()).append("`")
              .append(r.note().isEmpty() ? "" : " +\n" + r.note()).append("\n\n");
        }
        return sb.append("|===\n").toString();
    }
}
