package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.LogSpace;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** The adjoint profile ‖∂L/∂h_t‖ against the closed form of a linear RNN with W = ρ·Q. */
class GradientProfileTest {
    static final int H = 6;

    /** h_t = ρQ h_{t−1} + W_ih x_t, loss (1/H)‖h_T − y‖² on h directly; zero inputs keep h_t = 0 so nothing overflows. */
    private static RnnModel linearModel(double rho) {
        VanillaRnnCell cell = new VanillaRnnCell(2, H, Activation.IDENTITY);
        RandomMatrices.orthogonal(cell.parameters().weightHh(), RandomSource.seeded(41));
        CommonOps_DDRM.scale(rho, cell.parameters().weightHh());
        RandomMatrices.uniform(cell.parameters().weightIh(), 1, RandomSource.seeded(42));
        return new RnnModel(cell, new MeanSquaredError());
    }

    private static Sequence zeroInputsTargetAtEnd(int length) {
        DMatrixRMaj[] inputs = new DMatrixRMaj[length];
        for (int t = 0; t < length; t++) {
            inputs[t] = new DMatrixRMaj(2, 1);
        }
        DMatrixRMaj y = RandomMatrices.uniform(new DMatrixRMaj(H, 1), 1, RandomSource.seeded(43));
        return Sequence.lastStep(inputs, y);
    }

    @ParameterizedTest(name = "rho={0} T={1}")
    @CsvSource({"0.9,60", "1.1,60", "1.0,60", "0.5,200"})
    void fullBpttProfileOfLinearRnnIsRhoToTheDistanceTimesTheLastAdjoint(double rho, int length) {
        GradientProfile p = new FullBptt().compute(linearModel(rho), zeroInputsTargetAtEnd(length)).profile();
        for (int t = 1; t <= length; t++) {
            assertEquals((length - t) * Math.log(rho) + p.logNorm(length), p.logNorm(t), 1e-11);
        }
    }

    @ParameterizedTest(name = "rho={0}")
    @CsvSource({"0.9", "1.1", "0.5", "2.0"})
    void logSpaceProfileStaysExactForTenThousandSteps(double rho) {
        int length = 10_000;
        RnnModel model = linearModel(rho);
        Sequence seq = zeroInputsTargetAtEnd(length);
        GradientProfile p = new AdjointProfiler().profile(model, seq, null);
        double last = LogSpace.logNorm(scaled(seq.target(length), -2.0 / H));   // ∂L_T/∂h_T = 2(h_T − y)/H, h_T = 0
        assertEquals(last, p.logNorm(length), 1e-14);
        for (int t = 1; t <= length; t++) {
            assertTrue(Double.isFinite(p.logNorm(t)));
            // ℓ is a running sum of up to T = 10⁴ logs at magnitude |ℓ|: at most T·ε/2·|ℓ| ≈ 1.1e-12·|ℓ| of
            // rounding (measured 1.6e-13·|ℓ| at ρ = 2); an off-by-one step would be off by |ln ρ| ≥ 0.09.
            assertEquals((length - t) * Math.log(rho) + last, p.logNorm(t), 2e-12 * Math.max(1, Math.abs(p.logNorm(t))));
        }
        assertEquals(LogSpace.toLog10(p.logNorm(1)), p.log10Norm(1), 1e-12);
    }

    @Test
    void plainDoubleProfileOverflowsWhereTheLogSpaceProfileDoesNot() {
        SequenceGradient g = new FullBptt().compute(linearModel(1.1), zeroInputsTargetAtEnd(10_000));
        assertNull(g.profile());                                   // the raw adjoint reached ∞
        GradientProfile vanishing = new FullBptt().compute(linearModel(0.9), zeroInputsTargetAtEnd(10_000)).profile();
        double exact = 9_999 * Math.log(0.9) + vanishing.logNorm(10_000);   // about −1054 nats
        assertTrue(vanishing.logNorm(1) == Double.NEGATIVE_INFINITY || vanishing.logNorm(1) > exact + 300,
                "the raw adjoint underflowed: " + vanishing.logNorm(1) + " vs exact " + exact);
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void logSpaceProfileEqualsFullBpttProfileWithLossesAtEveryStep(CellKind kind) {
        RnnModel model = Fixtures.model(kind, 3, 5, 2, new MeanSquaredError(), 44);
        Sequence seq = Fixtures.sequence(80, 3, 2, true, false, 45);
        GradientProfile exact = new FullBptt().compute(model, seq).profile();
        GradientProfile logSpace = new AdjointProfiler().profile(model, seq, null);
        for (int t = 1; t <= 80; t++) {
            assertEquals(exact.logNorm(t), logSpace.logNorm(t), 1e-10);
        }
    }

    @Test
    void profileRejectsNaNAndPositiveInfinity() {
        assertThrows(IllegalArgumentException.class, () -> new GradientProfile(new double[] {0, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new GradientProfile(new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> new GradientProfile(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new GradientProfile(new double[] {1}).logNorm(2));
    }

    private static DMatrixRMaj scaled(DMatrixRMaj v, double a) {
        DMatrixRMaj out = v.copy();
        CommonOps_DDRM.scale(a, out);
        return out;
    }
}
