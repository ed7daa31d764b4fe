package org.rnngradients.bptt.clip;

import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ParameterSet;

/** The defining properties of the three clipping rules, on random gradients split into two matrices. */
class ClippingProperties {

    static ParameterSet gradient(List<Double> values) {
        int split = values.size() / 2;
        DMatrixRMaj a = new DMatrixRMaj(Math.max(split, 1), 1);
        DMatrixRMaj b = new DMatrixRMaj(values.size() - split, 1);
        for (int k = 0; k < values.size(); k++) {
            if (k < split) {
                a.data[k] = values.get(k);
            } else {
                b.data[k - split] = values.get(k);
            }
        }
        return new ParameterSet().with("a", a).with("b", b);
    }

    @Property(tries = 1000)
    boolean globalClippingLeavesNormAtMostTheta(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -1e4, max = 1e4) @Scale(6) Double> values,
                                                @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(9) double theta) {
        ParameterSet g = gradient(values);
        GradientClipping.clipGlobalNorm(g, theta);
        return g.norm() <= theta * (1 + 1e-14);
    }

    @Property(tries = 1000)
    boolean globalClippingKeepsTheDirectionAndReturnsThePreClipNorm(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -1e4, max = 1e4) @Scale(6) Double> values,
            @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(9) double theta) {
        ParameterSet g = gradient(values);
        ParameterSet original = g.copy();
        double norm = original.norm();
        Assume.that(norm > 0);
        double returned = GradientClipping.clipGlobalNorm(g, theta);
        double scale = Math.min(1, theta / norm);
        for (int k = 0; k < 2; k++) {
            double[] x = original.tensors().get(k).data;
            double[] y = g.tensors().get(k).data;
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(y[i] - scale * x[i]) > 1e-14 * Math.abs(scale * x[i]) || Math.signum(y[i]) != Math.signum(x[i])) {
                    return false;
                }
            }
        }
        return returned == norm;
    }

    @Property(tries = 1000)
    boolean globalClippingIsANoOpWhenTheNormIsAtMostTheta(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -1e4, max = 1e4) @Scale(6) Double> values,
            @ForAll @DoubleRange(min = 0, max = 10) double slack) {
        ParameterSet g = gradient(values);
        ParameterSet original = g.copy();
        double theta = original.norm() * (1 + slack) + Double.MIN_NORMAL;
        GradientClipping.clipGlobalNorm(g, theta);
        GradientClipper.globalNorm(theta, NonFinitePolicy.THROW).apply(g, null);
        for (int k = 0; k < 2; k++) {
            if (!java.util.Arrays.equals(original.tensors().get(k).data, g.tensors().get(k).data)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 1000)
    boolean perParameterClippingLeavesEachMatrixNormAtMostTheta(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -1e4, max = 1e4) @Scale(6) Double> values,
            @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(9) double theta) {
        ParameterSet g = gradient(values);
        double[] before = GradientClipping.clipPerParameter(g, theta);
        for (int k = 0; k < 2; k++) {
            double after = new ParameterSet().with("m", g.tensors().get(k)).norm();
            // each matrix ends at exactly min(‖m‖, θ), up to the few ulps of recomputing a norm of ≤ 30 entries
            if (after > theta * (1 + 1e-14) || Math.abs(after - Math.min(before[k], theta)) > 1e-14 * Math.min(before[k], theta)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 1000)
    boolean valueClippingBoundsEveryEntryAndKeepsSmallOnes(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -1e4, max = 1e4) @Scale(6) Double> values,
            @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(9) double theta) {
        ParameterSet g = gradient(values);
        ParameterSet original = g.copy();
        GradientClipping.clipValues(g, theta);
        for (int k = 0; k < 2; k++) {
            double[] x = original.tensors().get(k).data;
            double[] y = g.tensors().get(k).data;
            for (int i = 0; i < x.length; i++) {
                double expected = Math.abs(x[i]) <= theta ? x[i] : Math.copySign(theta, x[i]);
                if (y[i] != expected) {
                    return false;
                }
            }
        }
        return true;
    }
}
