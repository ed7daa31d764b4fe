package org.rnngradients.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Range checks of option values; a value out of range is a ParameterException naming the option. */
final class OptionChecks {
    private OptionChecks() {
    }

    /** {@code value} > 0. */
    static void positive(CommandLine cl, long value, String option) {
        require(cl, value > 0, option + " must be > 0, was " + value);
    }

    /** {@code value} ≥ 0. */
    static void nonNegative(CommandLine cl, long value, String option) {
        require(cl, value >= 0, option + " must be >= 0, was " + value);
    }

    /** {@code value} finite and > 0. */
    static void positive(CommandLine cl, double value, String option) {
        require(cl, value > 0 && Double.isFinite(value), option + " must be finite and > 0, was " + value);
    }

    /** {@code value} finite and ≥ 0. */
    static void nonNegative(CommandLine cl, double value, String option) {
        require(cl, value >= 0 && Double.isFinite(value), option + " must be finite and >= 0, was " + value);
    }

    private static void require(CommandLine cl, boolean holds, String message) {
        if (!holds) {
            throw new ParameterException(cl, message);
        }
    }
}
