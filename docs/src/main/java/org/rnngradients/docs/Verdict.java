package org.rnngradients.docs;

import java.math.BigDecimal;
import java.math.MathContext;

/** The ledger's judgement of a claim, decided by rule from the measurement (never typed by hand). */
public enum Verdict {
    /** The measurement agrees with the claim to the precision the text writes. */
    HOLDS("holds"),
    /** The claim is right in substance but off in its figure (within a factor 1.5) or holds only in a limit. */
    APPROXIMATE("holds approximately"),
    /** The measurement, or a counterexample, contradicts the claim as stated. */
    FALSE("false as written");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** From this many significant digits on, a stated number is judged at the precision it is written with. */
    public static final int PRECISE_DIGITS = 3;

    /** The words the ledger prints. */
    public String label() {
        return label;
    }

    // tag::numeric-verdict[]
    /**
     * A number written with {@code digits} significant digits holds when the measurement rounds to it. One or two
     * digits are a rough figure: within a factor 1.5 it holds approximately, beyond that it is false. Three or more
     * digits claim that precision: off by one unit in the last digit it holds approximately, beyond that it is false.
     */
    public static Verdict forNumber(double stated, int digits, double measured) {
        double rounded = new BigDecimal(measured).round(new MathContext(digits)).doubleValue();
        if (Math.abs(rounded - stated) <= 1e-12 * Math.abs(stated)) {
            return HOLDS;
        }
        if (digits >= PRECISE_DIGITS) {
            double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(stated))) - digits + 1);
            return Math.abs(rounded - stated) <= unit * (1 + 1e-9) ? APPROXIMATE : FALSE;
        }
        double factor = Math.abs(Math.log(measured / stated));
        return factor <= Math.log(1.5) ? APPROXIMATE : FALSE;
    }
    // end::numeric-verdict[]

    /**
     * A statement about large random networks, measured at several sizes N and in the N → ∞ theory: holds when
     * it holds at the smallest and the largest size measured, holds approximately when it fails at the smallest
     * but holds at the largest and in the limit (a finite-size effect), false when it fails at the largest size or
     * in the limit.
     */
    public static Verdict forSizes(boolean atSmallest, boolean atLargest, boolean inLimit) {
        if (!atLargest || !inLimit) {
            return FALSE;
        }
        return atSmallest ? HOLDS : APPROXIMATE;
    }

    /**
     * A law stated without its condition: holds when it holds everywhere tested, holds approximately when it holds in
     * the regime its text is describing but a counterexample exists outside it, false when it fails in that regime.
     */
    public static Verdict forRegime(boolean inRegimeMeant, boolean everywhere) {
        if (!inRegimeMeant) {
            return FALSE;
        }
        return everywhere ? HOLDS : APPROXIMATE;
    }

    /** A universal statement: holds when no counterexample was found, false otherwise. */
    public static Verdict forStatement(boolean noCounterexample) {
        return noCounterexample ? HOLDS : FALSE;
    }

    /**
     * "‖J^k‖ ≈ ρ^k": holds when the prefactor ‖J^k‖/ρ^k rounds to 1 (within 5 %), holds approximately when only
     * the rate ‖J^k‖^{1/k}/ρ is within 1 % of 1, false otherwise.
     */
    public static Verdict forTrend(double prefactor, double rateRatio) {
        if (Math.abs(prefactor - 1) < 0.05) {
            return HOLDS;
        }
        return Math.abs(rateRatio - 1) < 0.01 ? APPROXIMATE : FALSE;
    }

    /** log₁₀ of float32's unit roundoff 2⁻²⁴. */
    public static final double LOG10_FLOAT_ROUNDOFF = -24 * Math.log10(2);
    /** log₁₀ of double's unit roundoff 2⁻⁵³. */
    public static final double LOG10_DOUBLE_ROUNDOFF = -53 * Math.log10(2);

    /**
     * "Indistinguishable from zero" for a term of relative size 10^{@code log10Relative} (against the largest
     * term it is summed with): holds below double's unit roundoff, holds approximately below float32's (lost in
     * single precision only), false above.
     */
    public static Verdict forRelativeSize(double log10Relative) {
        if (log10Relative < LOG10_DOUBLE_ROUNDOFF) {
            return HOLDS;
        }
        return log10Relative < LOG10_FLOAT_ROUNDOFF ? APPROXIMATE : FALSE;
    }

    /** "≈ 0": holds when the measurement is below 10⁻⁶ of the unit scale the text compares with. */
    public static Verdict forNegligible(double measured) {
        return Math.abs(measured) < 1e-6 ? HOLDS : FALSE;
    }
}
