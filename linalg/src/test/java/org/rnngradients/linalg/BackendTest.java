package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.junit.jupiter.api.Test;

/** Backend selection: property over environment, named errors for bad values, the description and reason. */
class BackendTest {

    @Test
    void thePropertyWinsOverTheEnvironmentAndNothingSetMeansTheDefault() {
        assertEquals("java", Backend.requested("java", "native"));
        assertEquals("native", Backend.requested(null, " Native "));
        assertNull(Backend.requested(null, null));
        assertEquals(3, Backend.threadCount("3", "5"));
        assertEquals(5, Backend.threadCount(null, "5"));
        assertEquals(1, Backend.threadCount(null, null));
    }

    @Test
    void badSettingsAreRejectedNamingTheSettingAndTheValue() {
        assertMessage(() -> Backend.requested("gpu", null), "system property rnngradients.backend", "'gpu'");
        assertMessage(() -> Backend.requested(null, ""), "environment variable RNNGRADIENTS_BACKEND", "''");
        assertMessage(() -> Backend.threadCount("two", null), "system property rnngradients.threads", "'two'");
        assertMessage(() -> Backend.threadCount("0", null), "rnngradients.threads", "[1, 64]", "'0'");
        assertMessage(() -> Backend.threadCount(null, "65"), "environment variable RNNGRADIENTS_THREADS", "'65'");
    }

    @Test
    void theSelectedBackendIsTheOneTheSettingsAskFor() {
        Backend b = Backend.current();
        String property = System.getProperty(Backend.PROPERTY);
        String expected = property != null ? property
                : OpenBlas.load().failure() == null ? "native" : "java";
        assertEquals(expected, b.name());
        assertTrue(b.description().startsWith(b.name() + ": "), b.description());
        assertTrue(b.description().endsWith(b.threads() == 1 ? "1 thread" : b.threads() + " threads"), b.description());
        assertTrue(b.reason().contains(property != null ? "rnngradients.backend=" + property : "default"), b.reason());
    }

    @Test
    void aRequestedJavaBackendSaysWhoRequestedItAndRunsOneThread() {
        Backend java = Backend.create(null, "java", 4);
        assertEquals("java", java.name());
        assertEquals(1, java.threads());
        assertTrue(java.description().contains("EJML"), java.description());
        assertEquals("requested by environment variable RNNGRADIENTS_BACKEND=java", java.reason());
    }

    @Test
    void theNativeBackendDescribesOpenBlasAndItsThreads() {
        Native.assumeLoaded();
        Backend nat = Backend.create("native", null, Backend.current().threads());
        assertEquals("native", nat.name());
        assertTrue(nat.description().contains("OpenBLAS 0.3.31"), nat.description());
        assertTrue(nat.description().contains("core "), nat.description());
        assertEquals(nat.threads(), OpenBlas.threads());
        assertEquals("requested by system property rnngradients.backend=native", nat.reason());
    }

    @Test
    void threadCountsFromOneToSixtyFourAreAcceptedAndTrimmed() {
        assertEquals(1, Backend.threadCount("1", null));
        assertEquals(64, Backend.threadCount(null, "64"));
        assertEquals(2, Backend.threadCount(" 2 ", null));
        assertMessage(() -> Backend.threadCount("-1", null), "rnngradients.threads", "'-1'");
    }

    @Test
    void aNativeBackendSetsOpenBlasToItsThreadCount() {
        Native.assumeLoaded();
        int before = OpenBlas.threads();
        try {
            Backend two = Backend.create("native", null, 2);
            assertEquals(2, two.threads());
            assertEquals(2, OpenBlas.threads());
            assertEquals(two.description(), two.toString());
        } finally {
            OpenBlas.setThreads(before);
        }
    }
}
