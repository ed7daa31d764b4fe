package org.rnngradients.bptt;

import org.rnngradients.linalg.internal.Require;

/**
 * The truncation bias: how far a truncated gradient g̃ lies from the exact gradient g,
 * as the absolute norm ‖g̃ − g‖₂ and the relative norm ‖g̃ − g‖₂ / ‖g‖₂ over all parameters.
 *
 * @param norm     ‖g̃ − g‖₂
 * @param relative ‖g̃ − g‖₂ / ‖g‖₂ (NaN when g = 0)
 * @param cosine   the cosine of the angle between g̃ and g (NaN when either is zero)
 */
public record TruncationBias(double norm, double relative, double cosine) {

    // tag::truncation-bias[]
    /** The bias of {@code truncated} against {@code full} (both shaped like the same model's parameters). */
    public static TruncationBias between(ParameterSet truncated, ParameterSet full) {
        Require.nonNull(truncated, "truncated");
        Require.nonNull(full, "full");
        full.requireSameShapes(truncated, "truncated");
        ParameterSet difference = truncated.copy();
        difference.addScaled(-1, full);
        double norm = difference.norm();
        double fullNorm = full.norm();
        double cosine = truncated.dot(full) / (truncated.norm() * fullNorm);
        return new TruncationBias(norm, fullNorm == 0 ? Double.NaN : norm / fullNorm, cosine);
    }
    // end::truncation-bias[]
}
