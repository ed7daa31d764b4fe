package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;

/** Measurements for the claims of text 003, the Jacobian product bound ({@code 003.txt}). */
final class Text003 {

    private Text003() {
    }

    /** Units, steps and forget-gate bias of the gated-product row. */
    static final int GATE_UNITS = 8;
    static final int GATE_STEPS = 50;
    static final double GATE_BIAS = 6;
    /** Smallest pre-activation modulus of the saturated-orthogonal row. */
    static final double SATURATION_ZMIN = 0.1;
    /** The 2×2 construction of the tight and loose rows: β, ε and the number of steps. */
    static final double BETA = 1.1;
    static final double EPS = 0.5;
    static final int STEPS = 20;

    static void register(Measurements m) {
        m.on("product-bound", Text003::productBound);
        m.on("bound-tight", Text003::boundTight);
        m.on("bound-loose", Text003::boundLoose);
        m.on("gating-looseness", Text003::gatingLooseness);
        m.on("shared-right-vector", Text003::sharedRightVector);
        m.on("common-eigenvector", Text003::commonEigenvector);
        m.on("transpose", Text003::transpose);
        m.on("vanishing-gradient-bound", Text003::vanishingGradientBound);
        m.on("saturated-orthogonal", Text003::saturatedOrthogonal);
        m.on("lyapunov-orthogonal", Text003::lyapunovOrthogonal);
    }

    private static void productBound(Measurement m) {
        int products = 1000;
        double bound = TrajectoryClaims.worstProductBoundRatio(4, products, 31);
        m.value(Formats.adoc(bound, 4)).quote("trials", Integer.toString(products))
         .verdict(Verdict.forStatement(bound <= 1 + 1e-12));
    }

    private static void boundTight(Measurement m) {
        double tight = ProductClaims.boundRatio(ProductClaims.aligned(BETA, EPS, STEPS));
        m.value(Formats.fixed(tight, 12)).quote("steps", Integer.toString(STEPS)).quote("beta", Double.toString(BETA))
         .quote("eps", Double.toString(EPS)).verdict(Verdict.forNumber(m.entry().figure(), m.entry().digits(), tight));
    }

    private static void boundLoose(Measurement m) {
        double loose = ProductClaims.boundRatio(ProductClaims.crossed(BETA, EPS, STEPS));
        m.value(Formats.adoc(loose, 3)).put("beta", Double.toString(BETA)).put("eps", Double.toString(EPS))
         .put("steps", Integer.toString(STEPS)).verdict(Verdict.forStatement(loose < 1e-3));
    }

    private static void gatingLooseness(Measurement m) {
        DMatrixRMaj[] gated = ProductClaims.forgetGateProduct(GATE_UNITS, GATE_STEPS, GATE_BIAS, 37);
        double ratio = ProductClaims.boundRatio(gated);
        double norm = ProductClaims.productNorm(gated);
        m.value(Formats.fixed(ratio, 3)).quote("norm", Formats.fixed(norm, 3)).quote("steps", Integer.toString(GATE_STEPS))
         .put("bias", Formats.fixed(GATE_BIAS, 0))
         .require(ratio > 0.5 && norm > 0.5, "the bound is nearly attained and stays near 1")
         .verdict(Verdict.forStatement(ratio < 1e-3));
    }

    private static void sharedRightVector(Measurement m) {
        double sigma = 2.0;
        double weak = 0.1;
        double crossed = ProductClaims.sharedRightSingularVectorGrowth(sigma, weak, STEPS);
        m.value(Formats.adoc(crossed, 3)).quote("sigma", Formats.fixed(sigma, 0)).quote("weak", Double.toString(weak))
         .quote("bound", Formats.adoc(Math.pow(sigma, STEPS), 3)).put("steps", Integer.toString(STEPS))
         .verdict(Verdict.forStatement(crossed >= Math.pow(2, 20)));
    }

    private static void commonEigenvector(Measurement m) {
        int trials = 300;
        double eig = ProductClaims.commonEigenvectorGrowthRatio(4, 15, 1.2, trials, 33);
        m.value(Formats.adoc(eig, 4)).put("trials", Integer.toString(trials)).verdict(Verdict.forStatement(eig >= 1));
    }

    private static void transpose(Measurement m) {
        int trials = 500;
        double gap = ProductClaims.worstTransposeNormGap(trials, 34);
        m.value(Formats.adoc(gap, 2)).put("trials", Integer.toString(trials)).verdict(Verdict.forStatement(gap < 1e-12));
    }

    private static void vanishingGradientBound(Measurement m) {
        int trials = 200;
        int steps = 30;
        double excess = OrientationClaims.worstAdjointBoundExcess(6, steps, trials, 38);
        m.value(Formats.adoc(excess, 3)).put("trials", Integer.toString(trials)).put("steps", Integer.toString(steps))
         .verdict(Verdict.forStatement(excess <= 1e-12));
    }

    private static void saturatedOrthogonal(Measurement m) {
        double sat = TrajectoryClaims.saturatedOrthogonalStepNorm(8, SATURATION_ZMIN, 500, 35);
        m.value(Formats.fixed(sat, 6)).quote("zmin", Double.toString(SATURATION_ZMIN))
         .quote("sup", Formats.fixed(Claims.tanhDerivative(SATURATION_ZMIN), 6)).verdict(Verdict.forStatement(sat < 1));
    }

    private static void lyapunovOrthogonal(Measurement m) {
        double lyap = TrajectoryClaims.orthogonalExponent(8, 5000, 36);
        m.value(Formats.adoc(lyap, 3)).verdict(Verdict.forStatement(Math.abs(lyap) < 1e-9));
    }
}
