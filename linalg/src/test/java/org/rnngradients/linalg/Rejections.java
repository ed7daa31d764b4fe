package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** The bad-input assertion every linalg test shares. */
final class Rejections {
    private Rejections() {
    }

    /** Asserts that {@code call} throws an IllegalArgumentException whose message contains every fragment. */
    static void assertMessage(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }
}
