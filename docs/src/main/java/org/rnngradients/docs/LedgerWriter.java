package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the ledger table and its counts, after checking that every row's test method exists in the test source
 * and that the text cites every row (so text and ledger link both ways).
 */
public final class LedgerWriter {

    /** The chapters, relative to the project root; the ledger's own chapter is not scanned for citations. */
    static final String CHAPTERS = "docs/src/docs/asciidoc/chapters";
    static final String LEDGER_CHAPTER = "10-ledger.adoc";
    /** The appendices that only summarise; the ledger links back to the chapters, not to them. */
    static final java.util.Set<String> SUMMARIES = java.util.Set.of(LEDGER_CHAPTER, "11-guarantees.adoc",
            "12-notation.adoc", "13-references.adoc");

    private LedgerWriter() {
    }

    /** Writes {@code table} and adds the ledger's attributes to {@code a}; fails on a missing test or an uncited row. */
    public static void write(Ledger ledger, Attributes a, Path table, Path root, SourcePages sources) throws IOException {
        Citations citations = Citations.scan(root.resolve(CHAPTERS), SUMMARIES);
        for (LedgerRow r : ledger.rows()) {
            String cls = r.test().substring(0, r.test().indexOf('#'));
            String method = r.test().substring(r.test().indexOf('#') + 1);
            Path tests = root.resolve(sources.sourceOf("org.rnngradients.docs." + cls));
            if (!Pattern.compile("void " + method + "\\(").matcher(Files.readString(tests, StandardCharsets.UTF_8)).find()) {
                throw new IllegalStateException("ledger row " + r.id() + " names " + r.test() + ", which " + tests + " lacks");
            }
            if (citations.of("claim-" + r.id()).isEmpty()) {
                throw new IllegalStateException("ledger row " + r.id() + " is not cited from the text: add <<claim-"
                        + r.id() + ">> where " + CHAPTERS + " discusses it");
            }
            a.putAdoc("claim-" + r.id(), r.measured());
            a.put("verdict-" + r.id(), r.verdict().label());
        }
        for (String target : citations.targets()) {
            if (target.startsWith("claim-")) {
                ledger.row(target.substring("claim-".length()));        // throws on a citation of a row that does not exist
            }
        }
        ledger.values().forEach((id, v) -> a.putAdoc("value-" + id, v));
        a.put("ledger-rows", Integer.toString(ledger.rows().size()));
        for (Verdict v : Verdict.values()) {
            a.put("ledger-" + v.name().toLowerCase(Locale.ROOT), Long.toString(ledger.count(v)));
        }
        Files.createDirectories(table.toAbsolutePath().getParent());
        Files.writeString(table, ledger.table(citations, sources), StandardCharsets.UTF_8);
    }
}
