package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the ledger table and its counts, after checking that every named test exists in the test source. */
public final class LedgerWriter {

    private LedgerWriter() {
    }

    /** Writes {@code table} and adds the ledger counts to {@code a}; fails when a row names a missing test. */
    public static void write(Ledger ledger, Attributes a, Path table, Path root) throws IOException {
        Path tests = root.resolve("docs/src/test/java/org/rnngradients/docs/" + Ledger.TEST + ".java");
        String source = Files.readString(tests, StandardCharsets.UTF_8);
        for (LedgerRow r : ledger.rows()) {
            if (!source.contains("void " + r.test() + "(")) {
                throw new IllegalStateException("ledger row " + r.id() + " names " + r.test() + ", which " + tests + " lacks");
            }
            a.putAdoc("claim-" + r.id(), r.measured());
            a.put("verdict-" + r.id(), r.verdict().label());
        }
        ledger.values().forEach((id, v) -> a.putAdoc("value-" + id, v));
        a.put("ledger-rows", Integer.toString(ledger.rows().size()));
        for (Verdict v : Verdict.values()) {
            a.put("ledger-" + v.name().toLowerCase(java.util.Locale.ROOT), Long.toString(ledger.count(v)));
        }
        Files.createDirectories(table.toAbsolutePath().getParent());
        Files.writeString(table, ledger.table(), StandardCharsets.UTF_8);
    }
}
