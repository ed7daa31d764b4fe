package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * LogSpace against plain norms, over vectors of length 1..8 with entries U[−2, 2]. Logs are compared
 * with absolute tolerance, which is relative tolerance on the norm: 1e-14 ≈ 45 ε.
 */
class LogSpaceProperties {

    @Property(tries = 1000)
    void logNormAgreesWithTheLogOfThePlainNormWhereThatIsRepresentable(
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        DMatrixRMaj v = TestMatrices.uniform(n, 1, 2, seed);
        assertEquals(Math.log(NormOps_DDRM.normF(v)), LogSpace.logNorm(v), 1e-14);
    }

    @Property(tries = 1000)
    void logNormStaysFiniteAndExactForVectorsScaledByTenToThePlusMinus300(
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll boolean up, @ForAll long seed) {
        // ln‖c·v‖ = ln|c| + ln‖v‖ for c = 1e±300, where ‖c·v‖² over- or underflows; the scaling itself
        // rounds each entry once (relative ε) and logs near 690 carry an ulp of 1.1e-13, so the
        // tolerance is 1e-12 (about 9 ulp).
        DMatrixRMaj v = TestMatrices.uniform(n, 1, 2, seed);
        double c = up ? 1e300 : 1e-300;
        DMatrixRMaj scaled = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.scale(c, v, scaled);
        double log = LogSpace.logNorm(scaled);
        assertTrue(Double.isFinite(log));
        assertEquals(Math.log(c) + LogSpace.logNorm(v), log, 1e-12);
    }

    @Property(tries = 1000)
    void normaliseLeavesAUnitVectorInTheSameDirection(
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = -300, max = 300) int decade,
            @ForAll long seed) {
        // ‖v/‖v‖‖ = 1 to a few ε (tolerance 4e-15), and (v/‖v‖)·exp(returned log) gives v back; the
        // returned log may be as large as 690, whose ulp is 1.1e-13, hence 1e-12 on logs and directions.
        DMatrixRMaj v = TestMatrices.uniform(n, 1, Math.pow(10, decade), seed);
        DMatrixRMaj unit = v.copy();
        double log = LogSpace.normalise(unit);
        assertEquals(1, NormOps_DDRM.normF(unit), 4e-15);
        assertEquals(LogSpace.logNorm(v), log, 1e-12);
        double scale = CommonOps_DDRM.elementMaxAbs(v);
        for (int i = 0; i < n; i++) {
            // compare directions: v_i/max|v| against unit_i·exp(log)/max|v|, both of order one
            assertEquals(v.get(i, 0) / scale, unit.get(i, 0) * Math.exp(log - Math.log(scale)), 1e-12);
        }
    }
}
