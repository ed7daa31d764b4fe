package org.rnngradients.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.rnngradients.linalg.LogProduct;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.internal.Require;
import org.rnngradients.linalg.Spectra;

/** The sweep itself can fail: for a missing case, a call that is not refused, an unnamed or misplaced refusal. */
class BadInputSweepTest {

    private static AssertionFailedError failure(BadInputSweep s) {
        List<DynamicTest> cases = s.cases().toList();
        assertEquals(1, cases.size());
        return assertThrows(AssertionFailedError.class, () -> cases.get(0).getExecutable().execute());
    }

    @Test
    void aPublicMemberWithoutACaseFailsTheCompletenessCheck() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.linalg");
        s.method(Spectra.class, "spectralNorm", new DMatrixRMaj(2, 2));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, s::assertComplete);
        assertTrue(e.getMessage().contains("no bad-input case and no exemption: MatrixProducts.mult(DMatrixRMaj,"
                + "DMatrixRMaj,DMatrixRMaj)"), e.getMessage());
        assertTrue(!e.getMessage().contains("Spectra.spectralNorm(DMatrixRMaj)"), "covered by its null case");
        assertTrue(!e.getMessage().contains("LogProduct.log()"), "nothing to pass badly");
    }

    @Test
    void staleAndNeedlessExemptionsFailTheCompletenessCheck() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.linalg");
        s.method(Spectra.class, "spectralNorm", new DMatrixRMaj(2, 2));
        s.exempt("Spectra.spectralNorm(DMatrixRMaj)", "has cases");
        s.exempt("Spectra.gone(int)", "no such member");
        String m = assertThrows(AssertionFailedError.class, s::assertComplete).getMessage();
        assertTrue(m.contains("exempt but it has cases: Spectra.spectralNorm(DMatrixRMaj)"), m);
        assertTrue(m.contains("exemption of a member that is not public API: Spectra.gone(int)"), m);
        assertThrows(IllegalArgumentException.class, () -> s.exempt("Spectra.other(int)", " "));
    }

    @Test
    void aCallThatIsNotRefusedFailsItsCase() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.linalg");
        s.method(LogProduct.class, LogProduct::new, "times", 2.0).bad("factor", 3.0, "factor");
        assertTrue(failure(s).getMessage().contains("nothing was thrown"));
    }

    @Test
    void aMessageThatDoesNotNameTheArgumentAsAWordFailsItsCase() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.linalg");
        // "factor must be finite and >= 0, was -1.0" contains "f" and "fact" but does not name them
        s.method(LogProduct.class, LogProduct::new, "times", 2.0).bad("factor", -1.0, "fact", "-1.0");
        assertTrue(failure(s).getMessage().contains("does not name 'fact'"));
        BadInputSweep t = new BadInputSweep("org.rnngradients.linalg");
        t.method(LogProduct.class, LogProduct::new, "times", 2.0).bad("factor", -1.0, "factor", "-2.0");
        assertTrue(failure(t).getMessage().contains("lacks '-2.0'"));
    }

    @Test
    void aRefusalFromAnotherMemberFailsItsCase() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.linalg");
        s.method(MatrixProducts.class, "mult", new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), null).nullable("a", "b", "c")
                .refuses("a refusal that comes from elsewhere", () -> Require.positive(0, "n"), "n", "0");
        assertTrue(failure(s).getMessage().contains("was not thrown from inside MatrixProducts.mult"));
    }

    @Test
    void anExceptionOfAnotherTypeFailsItsCase() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.linalg");
        s.method(LogProduct.class, LogProduct::new, "times", 2.0)
                .fails(IllegalStateException.class, "factor", -1.0, "factor");
        assertTrue(failure(s).getMessage().contains("expected IllegalStateException"));
    }
}
