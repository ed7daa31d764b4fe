package org.rnngradients.bptt.clip;

import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.linalg.internal.Require;

/**
 * A clipping rule with its non-finite policy, applied once per training step after the gradient is
 * complete and before the optimiser uses it. The policy is checked first, on the global norm; a
 * finite gradient is then clipped by the rule.
 */
public final class GradientClipper {

    /** The clipping rule. */
    public enum Rule {
        /** No clipping (the non-finite policy still applies). */
        NONE,
        /** Global L2-norm clipping at θ. */
        GLOBAL_NORM,
        /** Each parameter matrix clipped to norm θ. */
        PER_PARAMETER,
        /** Each entry clamped to [−θ, θ]. */
        VALUE
    }

    private final Rule rule;
    private final double theta;
    private final NonFinitePolicy policy;

    private GradientClipper(Rule rule, double theta, NonFinitePolicy policy) {
        this.rule = rule;
        this.theta = theta;
        this.policy = Require.nonNull(policy, "policy");
    }

    /** No clipping; a non-finite gradient is handled by {@code policy}. */
    public static GradientClipper none(NonFinitePolicy policy) {
        return new GradientClipper(Rule.NONE, Double.POSITIVE_INFINITY, policy);
    }

    /** Global norm clipping at θ &gt; 0 with the default policy, {@link NonFinitePolicy#THROW}. */
    public static GradientClipper globalNorm(double theta) {
        return globalNorm(theta, NonFinitePolicy.THROW);
    }

    /** Per-parameter norm clipping at θ &gt; 0 with the default policy, {@link NonFinitePolicy#THROW}. */
    public static GradientClipper perParameter(double theta) {
        return perParameter(theta, NonFinitePolicy.THROW);
    }

    /** Element-wise value clipping at θ &gt; 0 with the default policy, {@link NonFinitePolicy#THROW}. */
    public static GradientClipper value(double theta) {
        return value(theta, NonFinitePolicy.THROW);
    }

    /** Global norm clipping at θ &gt; 0. */
    public static GradientClipper globalNorm(double theta, NonFinitePolicy policy) {
        GradientClipping.requireThreshold(theta, "theta");
        return new GradientClipper(Rule.GLOBAL_NORM, theta, policy);
    }

    /** Per-parameter norm clipping at θ &gt; 0. */
    public static GradientClipper perParameter(double theta, NonFinitePolicy policy) {
        GradientClipping.requireThreshold(theta, "theta");
        return new GradientClipper(Rule.PER_PARAMETER, theta, policy);
    }

    /** Element-wise value clipping at θ &gt; 0. */
    public static GradientClipper value(double theta, NonFinitePolicy policy) {
        GradientClipping.requireThreshold(theta, "theta");
        return new GradientClipper(Rule.VALUE, theta, policy);
    }

    /** The rule. */
    public Rule rule() {
        return rule;
    }

    /** θ (∞ for {@link Rule#NONE}). */
    public double theta() {
        return theta;
    }

    /** The non-finite policy. */
    public NonFinitePolicy policy() {
        return policy;
    }

    // tag::clip-with-policy[]
    /**
     * Applies the policy, then the rule, to {@code gradient} in place. {@code parameters} (the model's,
     * same names) is read only by {@link NonFinitePolicy#PASCANU_RESCUE}.
     */
    public ClipOutcome apply(ParameterSet gradient, ParameterSet parameters) {
        Require.nonNull(gradient, "gradient");
        double before = gradient.norm();
        if (policy.triggers(before)) {
            return handleUnusable(gradient, parameters, before);
        }
        boolean changed = switch (rule) {
            case NONE -> false;
            case GLOBAL_NORM -> GradientClipping.clipGlobalNorm(gradient, theta) > theta;
            case PER_PARAMETER -> anyAbove(GradientClipping.clipPerParameter(gradient, theta));
            case VALUE -> GradientClipping.clipValues(gradient, theta) > 0;
        };
        return new ClipOutcome(before, changed ? gradient.norm() : before, changed ? ClipAction.CLIPPED : ClipAction.NONE);
    }
    // end::clip-with-policy[]

    private ClipOutcome handleUnusable(ParameterSet gradient, ParameterSet parameters, double before) {
        switch (policy) {
            case SKIP:
                return new ClipOutcome(before, before, ClipAction.SKIPPED);
            case ZERO:
                gradient.zero();
                return new ClipOutcome(before, 0, ClipAction.ZEROED);
            case PASCANU_RESCUE:
                rescue(gradient, parameters);
                return new ClipOutcome(before, gradient.norm(), ClipAction.RESCUED);
            default:
                throw new NonFiniteGradientException(before);
        }
    }

    // tag::pascanu-rescue[]
    /** ∂L/∂W_hh ← 0.02·W_hh, every other gradient ← 0. */
    private static void rescue(ParameterSet gradient, ParameterSet parameters) {
        Require.nonNull(parameters, "parameters");
        gradient.requireSameShapes(parameters, "parameters");
        gradient.zero();
        gradient.get(CellParameters.WEIGHT_HH).setTo(parameters.get(CellParameters.WEIGHT_HH));
        org.ejml.dense.row.CommonOps_DDRM.scale(NonFinitePolicy.RESCUE_FACTOR, gradient.get(CellParameters.WEIGHT_HH));
    }
    // end::pascanu-rescue[]

    private boolean anyAbove(double[] norms) {
        for (double n : norms) {
            if (n > theta) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return rule + (rule == Rule.NONE ? "" : "(" + theta + ")") + "/" + policy;
    }
}
