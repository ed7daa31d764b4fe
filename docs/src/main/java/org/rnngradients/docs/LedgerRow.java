package org.rnngradients.docs;

/**
 * One row of the claims ledger as printed: where the claim is, what it says (in the book's words), the figure the
 * text states, the measured figure (AsciiDoc), the verdict, the test that checks it ({@code Class#method}) and a note
 * (the correct statement when the claim is false). Built by a {@link Measurement} from a {@link ClaimEntry}.
 */
public record LedgerRow(String id, String source, String claim, String stated, String measured,
                        Verdict verdict, String test, String note) {

    /** Validates that every field is present. */
    public LedgerRow {
        for (String f : new String[] {id, source, claim, stated, measured, test, note}) {
            if (f == null) {
                throw new IllegalArgumentException("ledger row " + id + " has a null field");
            }
        }
        if (verdict == null) {
            throw new IllegalArgumentException("ledger row " + id + " has no verdict");
        }
    }
}
