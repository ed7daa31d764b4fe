package org.rnngradients.docs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one claim's measurement reports: named figures that fill the placeholders of its ledger row, the figures
 * the prose quotes ({@code value-<id>} and {@code value-<id>-<name>}), and the verdict, decided by a rule of
 * {@link Verdict} from the computed values. A measurement may also {@link #require} a fact its row's note states,
 * so that a note can never outlive the result it describes.
 */
public final class Measurement {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+)\\}");

    private final ClaimEntry entry;
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final Map<String, String> quoted = new LinkedHashMap<>();
    private Verdict verdict;

    Measurement(ClaimEntry entry) {
        this.entry = entry;
    }

    /** The claim being measured. */
    public ClaimEntry entry() {
        return entry;
    }

    /** Fills {@code {name}} in the row with {@code markup} (AsciiDoc). */
    public Measurement put(String name, String markup) {
        if (placeholders.putIfAbsent(name, markup) != null) {
            throw new IllegalArgumentException(entry.id() + ": placeholder " + name + " set twice");
        }
        return this;
    }

    /** Fills {@code {name}} and lets the prose quote it as {@code value-<id>-<name>}. */
    public Measurement quote(String name, String markup) {
        put(name, markup);
        quoted.put(entry.id() + "-" + name, markup);
        return this;
    }

    /** Fills {@code {value}} and lets the prose quote it as {@code value-<id>}. */
    public Measurement value(String markup) {
        put("value", markup);
        quoted.put(entry.id(), markup);
        return this;
    }

    /** The row's verdict. */
    public Measurement verdict(Verdict v) {
        if (verdict != null) {
            throw new IllegalStateException(entry.id() + ": verdict set twice");
        }
        this.verdict = v;
        return this;
    }

    /** A numeric claim: {@code {value}} is the measurement to 4 digits, the verdict compares it with the row's figure. */
    public Measurement number(double measured) {
        if (entry.figure() == null) {
            throw new IllegalStateException(entry.id() + ": a numeric claim needs a 'figure' line");
        }
        return value(Formats.adoc(measured, 4)).verdict(Verdict.forNumber(entry.figure(), entry.digits(), measured));
    }

    /** Fails the build, naming the row, when a fact its note states does not hold. */
    public Measurement require(boolean fact, String what) {
        if (!fact) {
            throw new IllegalStateException("ledger row " + entry.id() + ": its text says " + what + ", which no longer holds");
        }
        return this;
    }

    /** The row with every placeholder filled; fails on a placeholder without a value or a value without a place. */
    LedgerRow row() {
        if (verdict == null) {
            throw new IllegalStateException(entry.id() + ": the measurement gave no verdict");
        }
        Map<String, Boolean> used = new LinkedHashMap<>();
        placeholders.keySet().forEach(k -> used.put(k, false));
        String claim = fill(entry.claim(), used);
        String measured = fill(entry.measured(), used);
        String note = fill(entry.note(), used);
        used.forEach((k, u) -> {
            if (!u && !quoted.containsKey(entry.id() + (k.equals("value") ? "" : "-" + k))) {
                throw new IllegalStateException(entry.id() + ": placeholder " + k + " is neither in the row nor quoted");
            }
        });
        return new LedgerRow(entry.id(), entry.source(), claim, entry.stated(), measured, verdict, entry.test(), note);
    }

    /** The figures the prose may quote, by attribute suffix ({@code <id>} or {@code <id>-<name>}). */
    Map<String, String> quoted() {
        return quoted;
    }

    private String fill(String template, Map<String, Boolean> used) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = placeholders.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException(entry.id() + " (" + entry.origin() + "): no value for {" + m.group(1) + "}");
            }
            used.put(m.group(1), true);
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        return m.appendTail(sb).toString();
    }
}
