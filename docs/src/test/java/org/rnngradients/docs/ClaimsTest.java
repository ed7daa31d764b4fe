package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One test per row of the claims ledger (each row of {@code docs/src/ledger/*.txt} names its method here, and
 * {@code LedgerTest} checks that every method is named by a row): each recomputes the row's measurement
 * independently where it can, checks it against the ledger's figure, and checks the verdict the ledger prints.
 * A claim whose verdict changes makes its test fail.
 */
class ClaimsTest {

    private static final java.nio.file.Path ROOT = java.nio.file.Path.of("..");
    private static final Ledger LEDGER = new Ledger(ROOT);

    private static void verdict(String id, Verdict expected) {
        assertEquals(expected, LEDGER.row(id).verdict(), id);
    }

    // text 000
    @Test
    void lstmSolvesTheAddingProblemAtAThousandSteps() {
        long[] t = LongRangeClaims.thousand(ROOT);
        assertTrue(t[0] >= 4, "runs at T = 1000: " + t[0]);
        assertEquals(t[0], t[1], "every one met ST3");
        assertTrue(t[3] < 1_000_000, "within the budget: " + t[3]);
        verdict("lstm-thousand", Verdict.HOLDS);
    }

    @Test
    void spectralRadiusIsNotMonotoneUnderDiagonalScaling() {
        assertTrue(Claims.worstSpectralRadiusRatio(3, 2000, 11) > 1.5);
        // the simplest counterexample named in the book: W² = 0, so ρ(W) = 0, but ρ(diag(1, 0.5) W) = 0.5
        org.ejml.data.DMatrixRMaj w = new org.ejml.data.DMatrixRMaj(2, 2, true, 1, 1, -1, -1);
        org.ejml.data.DMatrixRMaj dw = new org.ejml.data.DMatrixRMaj(2, 2, true, 1, 1, -0.5, -0.5);
        assertEquals(0.0, org.rnngradients.linalg.Spectra.spectralRadius(w), 1e-6);
        assertEquals(0.5, org.rnngradients.linalg.Spectra.spectralRadius(dw), 1e-12);
        verdict("radius-bound", Verdict.FALSE);
    }

    @Test
    void diagonalScalingBoundsTheSpectralNorm() {
        assertTrue(Claims.worstNormBoundRatio(5, 2000, 12) <= 1 + 1e-12);
        verdict("norm-bound", Verdict.HOLDS);
    }

    @Test
    void powerNormFollowsSpectralRadiusOnlyInRate() {
        double growth = ProductClaims.triangularTransientRatio(0.9, 10, 0.8, 10);
        double kappa = ProductClaims.triangularEigenvectorCondition(0.9, 10, 0.8);
        assertTrue(growth > 10 && growth <= kappa, "transient growth within κ(P): " + growth + " ≤ " + kappa);
        assertEquals(200, kappa, 1, "κ(P) for eigenvectors e1 and (10, −0.1)");
        assertEquals(1.0, Math.pow(ProductClaims.triangularTransientRatio(0.9, 10, 0.8, 2000), 1.0 / 2000), 0.01, "Gelfand rate");
        verdict("power-norm", Verdict.APPROXIMATE);
    }

    @Test
    void threeRegimesHoldForDiagonalisableJacobians() {
        assertTrue(ProductClaims.worstDiagonalisablePowerViolation(4, 300, 200, 15) <= 0);
        double k = 100;
        assertEquals(Math.sqrt(1 + k * k / 2 + k * Math.sqrt(1 + k * k / 4)), ProductClaims.unitJordanPowerNorm(100), 1e-9);
        verdict("three-regimes", Verdict.HOLDS);
    }

    @Test
    void clippingCapsTheNormAndKeepsTheDirection() {
        double[] clipped = Claims.clipOutcome(12, 5, 13);
        assertEquals(5, clipped[0], 1e-12);
        assertEquals(1, clipped[1], 1e-12);
        assertEquals(3, Claims.clipOutcome(3, 5, 14)[0], 1e-12);
        verdict("clip-rule", Verdict.HOLDS);
    }

    @Test
    void vanillaRnnFailsTheAddingProblemBeyondAboutTenSteps() throws Exception {
        assertTrue(AddingResults.present(ROOT), "recorded sweep");
        double[] b = AddingResults.vanillaBoundary(ROOT);
        assertEquals(10, b[0], 0, "longest solved length");
        assertEquals(20, b[1], 0, "shortest failed length");
        double[] o = AddingResults.boundary(AddingResults.orthogonalSweep(ROOT));
        assertEquals(20, o[0], 0, "longest solved length, orthogonal");
        assertEquals(40, o[1], 0, "shortest failed length, orthogonal");
        assertEquals(Verdict.HOLDS, Text000.addingVerdict(10, b));
        verdict("adding-vanilla", Verdict.APPROXIMATE);
    }

    @Test
    void clippingKeepsAnExplodingRunFinite() throws Exception {
        double[] c = Text000.clippingOutcome(ROOT);
        assertEquals(1, c[1], 0, "the unclipped run failed");
        assertTrue(c[0] < c[3], "before the end");
        assertEquals(c[3], c[2], 0, "the clipped run completed");
        verdict("clipping-prevents-divergence", Verdict.HOLDS);
    }

    // text 001
    @Test
    void twelveTenthsToTheTenth() {
        assertEquals(Math.pow(1.2, 10), Claims.scaledIdentityPowerNorm(1.2, 10, 2), 1e-12);
        verdict("pow-12-10", Verdict.HOLDS);
    }

    @Test
    void sevenTenthsToTheTenth() {
        assertEquals(Math.pow(0.7, 10), Claims.scaledIdentityPowerNorm(0.7, 10, 2), 1e-15);
        verdict("pow-07-10", Verdict.HOLDS);
    }

    private static void cell(int t, double rho, Verdict expected) {
        String id = "table-" + t + "-" + Math.round(rho * 10);
        assertEquals(Math.pow(rho, t), Claims.scaledIdentityPowerNorm(rho, t, 2), 1e-12 * Math.pow(rho, t));
        verdict(id, expected);
    }

    @Test
    void rhoTableCell10x9() {
        cell(10, 0.9, Verdict.FALSE);
        assertEquals(0.387, Math.pow(0.9, 9), 5e-4, "the printed cell is 0.9^9");
    }

    @Test
    void rhoTableCell10x8() {
        cell(10, 0.8, Verdict.HOLDS);
    }

    @Test
    void rhoTableCell10x7() {
        cell(10, 0.7, Verdict.HOLDS);
    }

    @Test
    void rhoTableCell30x9() {
        cell(30, 0.9, Verdict.HOLDS);
    }

    @Test
    void rhoTableCell30x8() {
        cell(30, 0.8, Verdict.HOLDS);
    }

    @Test
    void rhoTableCell30x7() {
        cell(30, 0.7, Verdict.FALSE);
        assertEquals(2.25e-5, Math.pow(0.7, 30), 0.01e-5);
    }

    @Test
    void rhoTableCell100x9() {
        cell(100, 0.9, Verdict.HOLDS);
    }

    @Test
    void rhoTableCell100x8() {
        cell(100, 0.8, Verdict.HOLDS);
    }

    @Test
    void rhoTableCell100x7() {
        cell(100, 0.7, Verdict.HOLDS);
    }

    @Test
    void catIsThirteenStepsBeforeHungry() {
        assertEquals(13, Claims.tokenDistance(Claims.CAT_SENTENCE, "cat", "hungry"));
        assertEquals(12, Claims.tokenDistance(Claims.CAT_SENTENCE, "cat", "was"), "words strictly between cat and was");
        verdict("cat-distance", Verdict.APPROXIMATE);
    }

    @Test
    void eightTenthsToTheThirteenth() {
        assertEquals(0.05498, Claims.scaledIdentityPowerNorm(0.8, 13, 2), 1e-5);
        verdict("pow-08-13", Verdict.HOLDS);
    }

    @Test
    void thirteenStepsAtEightTenthsIsAboutTwentyTimesSmaller() {
        assertEquals(18.19, 1 / Math.pow(0.8, 13), 0.01);
        verdict("twenty-times", Verdict.HOLDS);
    }

    @Test
    void explodingToAMillionTakesDozensOfStepsAtOnePointFive() {
        assertEquals(35, ProductClaims.stepsToReach(1.5, 1e6));
        assertTrue(Math.pow(1.5, 35) >= 1e6 && Math.pow(1.5, 34) < 1e6);
        assertEquals(4, (int) Math.ceil(Math.pow(10, 6.0 / Text001.FEW_STEPS)), "ρ needed for a million in ten steps");
        verdict("explode-few-steps", Verdict.FALSE);
    }

    @Test
    void spectralRadiusAboveOneMakesLargeTanhNetworksChaotic() {
        FiniteSizeStudy study = FiniteSizeStudy.of(ROOT);
        java.util.List<Integer> sizes = study.sizes("rnn-tanh");
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        assertEquals(32, small);
        assertTrue(large >= 512, "the study reaches N = " + large);
        FiniteSizeStudy.Point ps = study.at("rnn-tanh", small, 1.5);
        FiniteSizeStudy.Point pl = study.at("rnn-tanh", large, 1.5);
        assertTrue(ps.exploding() < ps.networks(), "some small networks at g = 1.5 are not chaotic");
        assertEquals(pl.networks(), pl.exploding(), "every large network at g = 1.5 is chaotic");
        assertTrue(pl.mean() > org.rnngradients.analysis.Regime.DEFAULT_EPSILON + 2 * pl.se(), "λ₁ > ε beyond noise");
        double meanField = new org.rnngradients.analysis.MeanFieldTheory().largestExponent(1.5);
        assertTrue(meanField > 0.05 && meanField < Math.log(1.5) / 4, "chaotic, but far below ln ρ: " + meanField);
        assertTrue(study.crossing("rnn-tanh", large, 0.01).gain() < study.crossing("rnn-tanh", small, 0.01).gain());
        verdict("radius-explodes", Verdict.APPROXIMATE);
    }

    @Test
    void unclippedRunDivergesWithinAFewStepsButTurnsNanLater() throws Exception {
        double[] c = Text000.clippingOutcome(ROOT);
        int[] d = LongRangeClaims.divergence(ROOT);
        assertEquals(1, c[1], 0, "the unclipped run did fail");
        assertTrue(d[0] <= Text001.FEW_STEPS, "the loss has grown tenfold by step " + d[0]);
        assertTrue(d[1] > Text001.FEW_STEPS && d[1] < c[0], "float32 overflows at step " + d[1] + ", after a few steps, before double");
        assertTrue(c[0] > 100, "double only fails after " + c[0] + " steps");
        verdict("nan-few-steps", Verdict.APPROXIMATE);
    }

    @Test
    void noOptimiserLetsAVanillaRnnLearnLongLags() {
        double[] o = LongRangeClaims.optimisers(ROOT);
        assertEquals(4, o[0], 0, "four optimiser settings recorded");
        assertTrue(o[1] > 0.9, "none gets below 0.9 of the baseline at T ≥ 50: " + o[1]);
        assertTrue(o[2] < 0.1, "every one learns the shortest length: " + o[2]);
        verdict("optimiser-no-fix", Verdict.HOLDS);
    }

    @Test
    void textOrientationMixesTransposeWithForwardOrder() {
        double[] e = OrientationClaims.productErrors(4, 8, 16);
        assertTrue(e[0] < 1e-6, "the book's product is the Jacobian: " + e[0]);
        assertTrue(e[1] > 0.01, "the text's product has another norm: " + e[1]);
        verdict("orientation", Verdict.FALSE);
    }

    // text 002
    @Test
    void sevenTenthsToTheTwentieth() {
        assertEquals(7.979e-4, Claims.scaledIdentityPowerNorm(0.7, 20, 3), 1e-7);
        verdict("pow-07-20", Verdict.HOLDS);
    }

    @Test
    void threeHalvesToTheTwentieth() {
        assertEquals(3325.26, Claims.scaledIdentityPowerNorm(1.5, 20, 3), 0.01);
        verdict("pow-15-20", Verdict.HOLDS);
    }

    @Test
    void orthogonalInitialisationHasUnitSpectralRadius() {
        assertEquals(1.0, Claims.orthogonalSpectralRadius(16, 21), 1e-12);
        assertEquals(1.0, Claims.orthogonalSmallestModulus(16, 21), 1e-12);
        verdict("orthogonal-radius", Verdict.HOLDS);
    }

    @Test
    void tanhOfThree() {
        assertEquals(0.99505, Math.tanh(3), 1e-5);
        verdict("tanh-3", Verdict.HOLDS);
    }

    @Test
    void tanhSquaredOfThree() {
        verdict("tanh-squared-3", Verdict.HOLDS);
    }

    @Test
    void tanhDerivativeAtThree() {
        assertEquals(Claims.tanhDerivative(3), Claims.tanhDerivative(-3), 0);
        assertEquals(0.009866, Claims.tanhDerivative(3), 1e-6);
        verdict("tanh-prime-3", Verdict.HOLDS);
    }

    @Test
    void tanhDerivativeAtZeroIsOne() {
        assertEquals(1.0, Claims.tanhDerivative(0), 0);
        verdict("tanh-prime-0", Verdict.HOLDS);
    }

    @Test
    void drillLosesThreeOrdersInTwentySteps() {
        assertEquals(3.098, -Math.log10(Claims.scaledIdentityPowerNorm(0.7, 20, 5)), 1e-3);
        verdict("drill-orders", Verdict.HOLDS);
    }

    @Test
    void gruJacobianIsNearIdentityWhenTheGateKeepsTheState() {
        assertTrue(GateClaims.distanceFromIdentity(org.rnngradients.cells.CellKind.GRU, 12, 51) < 1e-3);
        assertTrue(GateClaims.distanceFromIdentity(org.rnngradients.cells.CellKind.GRU, 0, 51) > 0.1, "not without the shift");
        verdict("gru-identity", Verdict.HOLDS);
    }

    @Test
    void lstmCellStateJacobianIsNearIdentityWhenForgetGateIsOpen() {
        assertTrue(GateClaims.distanceFromIdentity(org.rnngradients.cells.CellKind.LSTM, 12, 52) < 1e-3);
        assertTrue(GateClaims.distanceFromIdentity(org.rnngradients.cells.CellKind.LSTM, 0, 52) > 0.1, "not without the shift");
        verdict("lstm-identity", Verdict.HOLDS);
    }

    @Test
    void labVanillaLosesAboutThreeOrdersPerTenSteps() {
        double rate = Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH));
        assertTrue(rate > 2.5 && rate < 3.5, "orders per 10 steps: " + rate);
        verdict("lab-vanilla", Verdict.HOLDS);
    }

    @Test
    void gruAtDefaultInitLosesAboutTwoOrdersPerTenSteps() {
        double rate = Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(org.rnngradients.cells.CellKind.GRU));
        assertTrue(rate > 1.5, "orders per 10 steps: " + rate);
        verdict("lab-gru", Verdict.FALSE);
    }

    @Test
    void shortSequencesAreLearnedDespiteTheDecay() throws Exception {
        double[] b = AddingResults.vanillaBoundary(ROOT);
        assertTrue(b[0] >= 10 && b[1] > 12, "solved up to " + b[0] + ", failed from " + b[1]);
        double[] p = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH);
        assertTrue(p[Lab.T - 1] - p[Lab.T - 9] > 1, "yet 8 steps already cost more than an order of magnitude");
        verdict("short-sequences", Verdict.HOLDS);
    }

    @Test
    void gradientThirtyStepsBackIsOrdersOfMagnitudeBelowOneStepBack() {
        double[] p = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH);
        assertTrue(p[Lab.T - 31] < p[Lab.T - 2] - 2, "30 back vs 1 back: " + p[Lab.T - 31] + " vs " + p[Lab.T - 2]);
        assertTrue(p[29] > p[0] + 1, "by absolute index t = 30 is nearer the loss: " + p[29] + " vs " + p[0]);
        verdict("step-30-vs-1", Verdict.HOLDS);
    }

    @Test
    void lstmLearnsAThousandStepsAtASmallMultipleOfTheCostOfAHundred() {
        double cost = LongRangeClaims.lengthCost(ROOT);
        assertTrue(cost > 0.5 && cost < 4, "T = 1000 costs " + cost + " times the sequences of T = 100");
        verdict("lstm-struggle-100", Verdict.FALSE);
    }

    @Test
    void aGradientKilledBySaturationRecoversOnlyWhereTheNetworkCanExpand() {
        double[] unit = SaturationTrap.recovery(1, 71);
        double[] expanding = SaturationTrap.recovery(Text002.TRAP_GAIN, 71);
        double d = 1 - Math.tanh(SaturationTrap.SPIKE) * Math.tanh(SaturationTrap.SPIKE);
        assertEquals(-1, unit[0], 0, "no recovery with an orthogonal W");
        assertEquals(d, unit[1], 1e-12 * d, "‖W^k^ᵀ diag(d) δ‖ = d exactly for orthogonal W");
        int expected = (int) Math.ceil(Math.log(1 / d) / Math.log(Text002.TRAP_GAIN));   // ‖δ_{s−k}‖ = g^k·d
        assertEquals(expected, expanding[0], 0, "closed form g^k·d ≥ 1");
        verdict("saturation-trap", Verdict.APPROXIMATE);
    }

    @Test
    void labLstmDecaysLikeTheGru() {
        verdict("lab-lstm", Verdict.HOLDS);
    }

    @Test
    void labVanillaGradientAtTwentyIsBelowFloat32Resolution() {
        double[] p = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH);
        double relative = p[19] - p[Lab.T - 1];
        assertTrue(relative < -24 * Math.log10(2), "below float32's unit roundoff: " + relative);
        assertTrue(relative > -53 * Math.log10(2), "above double's unit roundoff: " + relative);
        verdict("lab-zero-at-20", Verdict.APPROXIMATE);
    }

    @Test
    void gruGradientAtTwentyIsSmallButAboveFloat32Resolution() {
        double[] p = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.GRU);
        double relative = p[19] - p[Lab.T - 1];
        assertTrue(relative < -1 && relative > -24 * Math.log10(2), "small but resolvable: " + relative);
        verdict("lab-gru-nonzero-at-20", Verdict.HOLDS);
    }

    @Test
    void typicalInitialisationLosesTheSignalWithinTensOfSteps() {
        double[] p = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH);
        assertTrue(p[Lab.T - 31] - p[Lab.T - 1] < -5);
        verdict("typical-init", Verdict.HOLDS);
    }

    @Test
    void vanillaTanhRnnVanishesAtDefaultInitialisation() {
        assertTrue(Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH)) > 0);
        verdict("vanilla-vanishes", Verdict.HOLDS);
    }

    @Test
    void powerIterationGrowsAtTheSpectralRadius() {
        assertEquals(1.0, TrajectoryClaims.powerIterationRateRatio(12, 400, 53), 0.02);
        verdict("power-iteration", Verdict.HOLDS);
    }

    // text 003
    @Test
    void productNormIsAtMostProductOfNorms() {
        assertTrue(TrajectoryClaims.worstProductBoundRatio(4, 1000, 31) <= 1 + 1e-12);
        verdict("product-bound", Verdict.HOLDS);
    }

    @Test
    void boundIsAttainedForAlignedSingularVectors() {
        assertEquals(1.0, ProductClaims.boundRatio(ProductClaims.aligned(1.1, 0.5, 20)), 1e-12);
        verdict("bound-tight", Verdict.HOLDS);
    }

    @Test
    void boundIsLooseForCrossedSingularVectors() {
        double expected = Math.pow(0.5 * 1.1, 10) / Math.pow(1.1, 20);
        assertEquals(expected, ProductClaims.boundRatio(ProductClaims.crossed(1.1, 0.5, 20)), 1e-12 * expected);
        verdict("bound-loose", Verdict.HOLDS);
    }

    @Test
    void gatedProductMakesTheBoundNearlyTight() {
        org.ejml.data.DMatrixRMaj[] gated = ProductClaims.forgetGateProduct(8, 50, 6, 37);
        double bound = 1;
        double best = 0;
        for (int i = 0; i < 8; i++) {
            double column = 1;
            for (org.ejml.data.DMatrixRMaj j : gated) {
                column *= j.get(i, i);
            }
            best = Math.max(best, column);   // ‖∏ diag(f_t)‖ = max_i ∏_t f_t,i
        }
        for (org.ejml.data.DMatrixRMaj j : gated) {
            double max = 0;
            for (int i = 0; i < 8; i++) {
                max = Math.max(max, j.get(i, i));
            }
            bound *= max;
        }
        assertEquals(best / bound, ProductClaims.boundRatio(gated), 1e-12);
        assertTrue(best / bound > 0.5 && best > 0.5, "nearly tight and near 1: " + best / bound + ", " + best);
        verdict("gating-looseness", Verdict.FALSE);
    }

    @Test
    void sharedRightSingularVectorDoesNotForceGrowth() {
        assertEquals(Math.pow(0.2, 10), ProductClaims.sharedRightSingularVectorGrowth(2.0, 0.1, 20), 1e-18);
        verdict("shared-right-vector", Verdict.FALSE);
    }

    @Test
    void commonEigenvectorForcesGrowth() {
        assertTrue(ProductClaims.commonEigenvectorGrowthRatio(4, 15, 1.2, 300, 33) >= 1);
        verdict("common-eigenvector", Verdict.HOLDS);
    }

    @Test
    void transposeHasTheSameSpectralNorm() {
        assertTrue(ProductClaims.worstTransposeNormGap(500, 34) < 1e-12);
        verdict("transpose", Verdict.HOLDS);
    }

    @Test
    void saturationMakesAnOrthogonalStepContract() {
        double worst = TrajectoryClaims.saturatedOrthogonalStepNorm(8, 0.1, 500, 35);
        assertTrue(worst < 1 && worst <= Claims.tanhDerivative(0.1) + 1e-12, "‖J‖ = max tanh′ = " + worst);
        assertTrue(worst < Claims.tanhDerivative(0.1) && worst > Claims.tanhDerivative(0.1) - 1e-3, "just below the supremum");
        assertEquals(0.990066, Claims.tanhDerivative(0.1), 1e-6);
        verdict("saturated-orthogonal", Verdict.HOLDS);
    }

    @Test
    void orthogonalMapHasZeroTopExponent() {
        assertEquals(0.0, TrajectoryClaims.orthogonalExponent(8, 5000, 36), 1e-9);
        verdict("lyapunov-orthogonal", Verdict.HOLDS);
    }

    // text 004
    @Test
    void sigmoidDerivativeIsAtMostAQuarter() {
        assertEquals(0.25, Claims.sigmoidDerivative(0), 0);
        assertTrue(Claims.supOnGrid(Claims::sigmoidDerivative, 10, 20001) <= 0.25);
        verdict("sigmoid-sup", Verdict.HOLDS);
    }

    @Test
    void tanhDerivativeIsAtMostOne() {
        assertTrue(Claims.supOnGrid(Claims::tanhDerivative, 10, 20001) <= 1);
        verdict("tanh-sup", Verdict.HOLDS);
    }

    @Test
    void diagonalNormIsLargestEntry() {
        assertTrue(TrajectoryClaims.worstDiagonalNormGap(6, 500, 41) < 1e-12);
        verdict("diag-norm", Verdict.HOLDS);
    }

    @Test
    void spectralNormIsRootOfLargestGramEigenvalue() {
        assertTrue(ProductClaims.worstSpectralNormIdentityError(5, 500, 42) < 1e-10);
        verdict("sigma-max", Verdict.HOLDS);
    }

    @Test
    void jacobianProductStaysBelowGammaPower() {
        assertTrue(TrajectoryClaims.worstGammaExcess(8, 60, 1.3, 43) <= 1e-12);
        verdict("gamma-bound", Verdict.HOLDS);
    }

    @Test
    void normBelowOneForcesVanishingWithTanh() {
        assertTrue(TrajectoryClaims.worstGammaExcess(8, 60, 0.9, 44) <= 1e-12);
        verdict("norm-below-one", Verdict.HOLDS);
    }

    @Test
    void xavierAndHeSetTheSpectralRadiusNotGamma() {
        double[] xavier = LyapunovChapter.initialisationStudy(org.rnngradients.linalg.Initialiser.xavierUniform(1));
        double[] he = LyapunovChapter.initialisationStudy(org.rnngradients.linalg.Initialiser.he());
        assertEquals(1.0, xavier[1], 0.2, "Xavier: ρ(W) near 1");
        assertEquals(Math.sqrt(2), he[1], 0.3, "He: ρ(W) near √2");
        assertTrue(xavier[0] > 1.5 && he[0] > 2, "γ well above 1: " + xavier[0] + ", " + he[0]);
        assertTrue(xavier[2] < -org.rnngradients.analysis.Regime.DEFAULT_EPSILON, "Xavier tanh RNN vanishes: " + xavier[2]);
        double pytorch = LyapunovChapter.initialisationStudy(org.rnngradients.linalg.Initialiser.pytorchDefault(Lab.HIDDEN))[0];
        assertTrue(pytorch > 1, "PyTorch's default has γ above one and still vanishes in the lab: " + pytorch);
        verdict("xavier-he-edge", Verdict.FALSE);
    }

    @Test
    void fullBpttMemoryIsLinearInSequenceLength() {
        double[] m = Text004.memoryPerStepSpread(ROOT);
        assertTrue(m[2] >= 4 * m[1], "a wide range of lengths");
        assertTrue(m[0] < 0.05, "bytes per step constant: " + m[0]);
        verdict("bptt-memory-linear", Verdict.HOLDS);
    }

    @Test
    void clippingNeverEnlargesAGradient() {
        assertEquals(1e-6, Claims.clipOutcome(1e-6, 5, 61)[0], 1e-18);
        assertEquals(5, Claims.clipOutcome(12, 5, 61)[0], 1e-12);
        verdict("clipping-no-vanishing", Verdict.HOLDS);
    }

    @Test
    void adjointRecursionMatchesFiniteDifferences() {
        assertTrue(OrientationClaims.adjointStepError(5, 62) < 1e-6);
        verdict("adjoint-recursion", Verdict.HOLDS);
    }

    @Test
    void adjointObeysTheVanishingBound() {
        double excess = OrientationClaims.worstAdjointBoundExcess(6, 30, 200, 38);
        assertTrue(excess <= 1e-12 && excess < -0.5, "below the bound, and not tight for random trajectories: " + excess);
        verdict("vanishing-gradient-bound", Verdict.HOLDS);
    }

    @Test
    void stepJacobianMatchesFiniteDifferences() {
        assertTrue(OrientationClaims.productErrors(4, 2, 17)[0] < 1e-6);
        verdict("step-jacobian", Verdict.HOLDS);
    }

    @Test
    void reluLeavesTheRecurrentMatrixInCharge() {
        assertEquals(10 * Math.log10(1 / 0.8), Lab.reluIdentityRate(0.8, 45), 1e-9);
        assertEquals(10 * Math.log10(1 / 1.2), Lab.reluIdentityRate(1.2, 46), 1e-9);
        verdict("relu-matrix-decides", Verdict.HOLDS);
    }
}
