package org.rnngradients.docs;

/**
 * One claim as a ledger file records it (see {@link LedgerFile}): its id, where the text makes it, the test method
 * that checks it ({@code Class#method}), the claim and the figure the text states in the book's words, optionally
 * the stated number with its significant digits (for claims judged by {@link Verdict#forNumber}), and the templates
 * of the measured cell and the note, whose {@code {name}} placeholders the row's measurement fills.
 */
public record ClaimEntry(String id, String source, String test, String claim, String stated, Double figure,
                         int digits, String measured, String note, String origin) {

    /** Validates the fields every row needs. */
    public ClaimEntry {
        for (String[] f : new String[][] {{"id", id}, {"source", source}, {"test", test}, {"claim", claim},
                {"stated", stated}, {"measured", measured}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new IllegalArgumentException(origin + ": claim " + id + " has no " + f[0]);
            }
        }
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException(origin + ": id must be kebab-case, was " + id);
        }
        if (!test.matches("[A-Z]\\w*#[a-z]\\w*")) {
            throw new IllegalArgumentException(origin + ": test of " + id + " must be Class#method, was " + test);
        }
        note = note == null ? "" : note;
    }

    /** The test class's simple name. */
    public String testClass() {
        return test.substring(0, test.indexOf('#'));
    }

    /** The test method's name. */
    public String testMethod() {
        return test.substring(test.indexOf('#') + 1);
    }
}
