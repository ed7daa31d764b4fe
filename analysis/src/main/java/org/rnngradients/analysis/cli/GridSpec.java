package org.rnngradients.analysis.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import org.rnngradients.cells.CellKind;

/**
 * Lists of sweep values as typed on the command line: comma-separated items, each a value or an
 * inclusive range {@code from:to:step} (gains, in exact decimal steps, so 0.5:1:0.1 gives 0.5, 0.6, …,
 * 1.0 with no 0.30000000000000004) or {@code from:to} (seeds, step 1). A malformed item is an
 * IllegalArgumentException naming the option and the item.
 */
final class GridSpec {
    /** More values than this in one list is surely a typo in a step. */
    static final int MAX_VALUES = 100_000;

    private GridSpec() {
    }

    /** Gains, finite and &gt; 0, ascending, no repeats. */
    static List<Double> gains(String spec, String option) {
        TreeSet<BigDecimal> values = new TreeSet<>();
        for (String item : items(spec, option)) {
            String[] p = item.split(":", -1);
            if (p.length == 1) {
                add(values, decimal(p[0], item, option), item, option);
            } else if (p.length == 3) {
                BigDecimal from = decimal(p[0], item, option);
                BigDecimal to = decimal(p[1], item, option);
                BigDecimal step = decimal(p[2], item, option);
                require(step.signum() > 0 && to.compareTo(from) >= 0, option, item, "needs from <= to and step > 0");
                for (BigDecimal g = from; g.compareTo(to) <= 0; g = g.add(step)) {
                    add(values, g, item, option);
                }
            } else {
                require(false, option, item, "is neither a value nor from:to:step");
            }
        }
        List<Double> out = new ArrayList<>();
        for (BigDecimal g : values) {
            double d = g.doubleValue();
            require(d > 0 && Double.isFinite(d), option, g.toPlainString(), "must be finite and > 0");
            out.add(d);
        }
        return out;
    }

    /** Cell kinds by their command-line names, in the order given, no repeats. */
    static List<CellKind> cells(String spec, String option) {
        return distinct(spec, option, item -> {
            try {
                return CellKind.fromCliName(item);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": '" + item + "' is not one of " + CellKind.validNames());
            }
        });
    }

    /** Sizes N &gt; 0 (at most {@code Integer.MAX_VALUE}), in the order given, no repeats. */
    static List<Long> sizes(String spec, String option) {
        return distinct(spec, option, item -> {
            long n = integer(item, item, option);
            require(n > 0 && n <= Integer.MAX_VALUE, option, item, "must be a size > 0");
            return n;
        });
    }

    /** Each item parsed by {@code parse}, in the order given; a repeated value is an error. */
    private static <T> List<T> distinct(String spec, String option, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String item : items(spec, option)) {
            T value = parse.apply(item);
            require(!out.contains(value), option, item, "is repeated");
            out.add(value);
        }
        return out;
    }

    /** Seeds, in the order given, no repeats. */
    static List<Long> seeds(String spec, String option) {
        List<Long> out = new ArrayList<>();
        for (String item : items(spec, option)) {
            String[] p = item.split(":", -1);
            require(p.length <= 2, option, item, "is neither a seed nor from:to");
            long from = integer(p[0], item, option);
            long to = p.length == 2 ? integer(p[1], item, option) : from;
            require(to >= from && to - from < MAX_VALUES, option, item, "needs from <= to (and fewer than "
                    + MAX_VALUES + " seeds)");
            for (long s = from; s <= to; s++) {
                require(!out.contains(s), option, item, "repeats seed " + s);
                out.add(s);
            }
        }
        return out;
    }

    private static String[] items(String spec, String option) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(option + " must list at least one value");
        }
        return spec.strip().split("\\s*,\\s*", -1);
    }

    private static void add(TreeSet<BigDecimal> values, BigDecimal g, String item, String option) {
        require(values.add(g.stripTrailingZeros()), option, item, "repeats the value " + g.toPlainString());
        require(values.size() <= MAX_VALUES, option, item, "gives more than " + MAX_VALUES + " values");
    }

    private static BigDecimal decimal(String text, String item, String option) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + item + "' is not a number or range");
        }
    }

    private static long integer(String text, String item, String option) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + item + "' is not an integer or range");
        }
    }

    private static void require(boolean holds, String option, String item, String why) {
        if (!holds) {
            throw new IllegalArgumentException(option + ": '" + item + "' " + why);
        }
    }
}
