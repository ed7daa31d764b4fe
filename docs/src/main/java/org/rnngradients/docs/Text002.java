package org.rnngradients.docs;

import java.nio.file.Path;
import org.rnngradients.cells.CellKind;

/** Measurements for the claims of text 002, the BPTT derivation, saturation, the gated path and the lab ({@code 002.txt}). */
final class Text002 {

    private Text002() {
    }

    static void register(Measurements m, Path root) {
        m.on("short-sequences", x -> shortSequences(x, root));
        m.on("step-30-vs-1", Text002::stepThirtyVersusOne);
        m.on("lstm-struggle-100", x -> lstmStruggle(x, root));
        m.on("saturation-trap", Text002::saturationTrap);
        m.on("pow-07-20", x -> x.number(Claims.scaledIdentityPowerNorm(0.7, 20, 3)));
        m.on("pow-15-20", x -> x.number(Claims.scaledIdentityPowerNorm(1.5, 20, 3)));
        m.on("orthogonal-radius", Text002::orthogonalRadius);
        m.on("tanh-3", x -> x.number(Math.tanh(3)));
        m.on("tanh-squared-3", x -> x.number(Math.tanh(3) * Math.tanh(3)));
        m.on("tanh-prime-3", x -> x.number(Claims.tanhDerivative(3)));
        m.on("tanh-prime-0", x -> x.number(Claims.tanhDerivative(0)));
        m.on("power-iteration", Text002::powerIteration);
        m.on("drill-orders", x -> x.number(-Math.log10(Claims.scaledIdentityPowerNorm(0.7, 20, 5))));
        m.on("gru-identity", x -> nearIdentity(x, CellKind.GRU, 51));
        m.on("lstm-identity", x -> nearIdentity(x, CellKind.LSTM, 52));
        m.on("lab-vanilla", x -> x.number(rate(CellKind.RNN_TANH)).put("t", Integer.toString(Lab.T)));
        m.on("lab-gru", x -> x.number(rate(CellKind.GRU))
                .put("biased", Formats.fixed(Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(CellKind.GRU, 1)), 2)));
        m.on("lab-lstm", Text002::labLstm);
        m.on("lab-zero-at-20", Text002::labZeroAtTwenty);
        m.on("lab-gru-nonzero-at-20", Text002::gruNonzeroAtTwenty);
        m.on("step-jacobian", Text002::stepJacobian);
    }

    private static double rate(CellKind kind) {
        return Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(kind));
    }

    private static void shortSequences(Measurement m, Path root) {
        double[] b;
        try {
            b = AddingResults.vanillaBoundary(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int shortMax = 12;
        int flow = 8;
        double[] vanilla = Lab.meanLog10Profile(CellKind.RNN_TANH);
        double eightSteps = vanilla[Lab.T - 1] - vanilla[Lab.T - 1 - flow];
        m.value(Formats.fixed(eightSteps, 1)).put("solved", Integer.toString((int) b[0]))
         .put("failed", Integer.toString((int) b[1])).put("flow", Integer.toString(flow))
         .verdict(Verdict.forStatement(b[0] >= 10 && b[1] > shortMax));
    }

    private static void stepThirtyVersusOne(Measurement m) {
        double[] vanilla = Lab.meanLog10Profile(CellKind.RNN_TANH);   // vanilla[t - 1] is time step t; loss at t = T
        double step1 = vanilla[0];
        double step30 = vanilla[29];
        double back1 = vanilla[Lab.T - 2];
        double back30 = vanilla[Lab.T - 31];
        m.put("t", Integer.toString(Lab.T)).put("at30", Formats.fixed(step30, 1)).put("at1", Formats.fixed(step1, 1))
         .put("back30", Formats.fixed(back30, 1)).put("back1", Formats.fixed(back1, 1))
         .require(step30 > step1, "t = 1 is the smaller")
         .verdict(Verdict.forStatement(back30 < back1 - 2));
    }

    private static void lstmStruggle(Measurement m, Path root) {
        double cost = LongRangeClaims.lengthCost(root);
        m.require(cost > 0, "chrono runs at T = 100 and T = 1000 are recorded");
        m.value(Double.isFinite(cost) ? Formats.fixed(cost, 2) : "not learnt")
         .verdict(cost > 10 ? Verdict.HOLDS : cost > 4 ? Verdict.APPROXIMATE : Verdict.FALSE);
    }

    /** Gain of the expanding counterexample in the saturation-trap row. */
    static final double TRAP_GAIN = 1.5;

    private static void saturationTrap(Measurement m) {
        double[] unit = SaturationTrap.recovery(1, 71);
        double[] expanding = SaturationTrap.recovery(TRAP_GAIN, 71);
        m.value(Integer.toString((int) expanding[0])).put("n", Integer.toString(SaturationTrap.N))
         .put("spike", Formats.fixed(SaturationTrap.SPIKE, 0)).put("horizon", Integer.toString(SaturationTrap.HORIZON))
         .put("best", Formats.adoc(unit[1], 3)).put("gain", Double.toString(TRAP_GAIN))
         .verdict(Verdict.forRegime(unit[0] < 0 && unit[1] < 1, expanding[0] < 0));
    }

    private static void orthogonalRadius(Measurement m) {
        double radius = Claims.orthogonalSpectralRadius(16, 21);
        double smallest = Claims.orthogonalSmallestModulus(16, 21);
        m.value(Formats.adoc(Math.max(Math.abs(1 - radius), Math.abs(1 - smallest)), 1))
         .put("radius", Formats.fixed(radius, 12)).put("smallest", Formats.fixed(smallest, 12))
         .verdict(Verdict.forNumber(m.entry().figure(), m.entry().digits(), radius));
    }

    private static void powerIteration(Measurement m) {
        int size = 12;
        int powers = 400;
        double rate = TrajectoryClaims.powerIterationRateRatio(size, powers, 53);
        m.value(Formats.fixed(rate, 4)).quote("size", Integer.toString(size)).quote("steps", Integer.toString(powers))
         .verdict(Verdict.forStatement(Math.abs(rate - 1) < 0.02));
    }

    private static void nearIdentity(Measurement m, CellKind kind, long seed) {
        double distance = GateClaims.distanceFromIdentity(kind, 12, seed);
        m.value(Formats.adoc(distance, 2)).verdict(Verdict.forStatement(distance < 1e-3));
    }

    private static void labLstm(Measurement m) {
        double rg = rate(CellKind.GRU);
        double rl = rate(CellKind.LSTM);
        m.put("lstm", Formats.fixed(rl, 2)).put("gru", Formats.fixed(rg, 2)).verdict(Verdict.forStatement(Math.abs(rl - rg) < 0.5));
    }

    private static void labZeroAtTwenty(Measurement m) {
        double lost = LabChapter.ordersLostAt20(Lab.meanLog10Profile(CellKind.RNN_TANH));
        Verdict v = Verdict.forRelativeSize(-lost);
        m.put("t", Integer.toString(Lab.T)).put("lost", Formats.fixed(lost, 1))
         .quote("float32", Formats.fixed(Verdict.LOG10_FLOAT_ROUNDOFF, 1))
         .put("double", Formats.fixed(Verdict.LOG10_DOUBLE_ROUNDOFF, 0))
         .require(v == Verdict.APPROXIMATE, "the term lies between float32's and double's resolution")
         .verdict(v);
    }

    private static void gruNonzeroAtTwenty(Measurement m) {
        double lost = LabChapter.ordersLostAt20(Lab.meanLog10Profile(CellKind.GRU));
        m.value(Formats.fixed(lost, 1)).put("t", Integer.toString(Lab.T))
         .verdict(Verdict.forStatement(lost > 1 && Verdict.forRelativeSize(-lost) == Verdict.FALSE));
    }

    private static void stepJacobian(Measurement m) {
        int n = 4;
        double error = OrientationClaims.productErrors(n, 2, 17)[0];
        m.value(Formats.adoc(error, 2)).put("n", Integer.toString(n)).verdict(Verdict.forStatement(error < 1e-6));
    }
}
