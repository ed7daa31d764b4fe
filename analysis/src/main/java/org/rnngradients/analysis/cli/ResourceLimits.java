package org.rnngradients.analysis.cli;

import java.util.Locale;

import org.rnngradients.cells.CellKind;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Size checks made before anything is allocated: every array must fit in one Java array, and the run's
 * main allocations must fit in the JVM's heap. Sizes are computed in {@code long} arithmetic that saturates
 * instead of overflowing, and a refusal is a ParameterException that names the options and the memory needed.
 * The estimates count the large arrays only (weights, inputs, stored states and caches, Jacobians), so they
 * are lower bounds: a run that passes may still need somewhat more.
 */
final class ResourceLimits {
    /** The largest length of a Java array that the JVMs in use allocate. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Bytes of one boxed column vector or matrix beyond its doubles (object and array headers, an estimate). */
    private static final long MATRIX_OVERHEAD = 64;

    private ResourceLimits() {
    }

    /** {@code a · b · …}, or Long.MAX_VALUE when the product does not fit in a long (all factors ≥ 0). */
    static long times(long... factors) {
        long p = 1;
        for (long f : factors) {
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }

    /** {@code a + b + …}, or Long.MAX_VALUE on overflow (all terms ≥ 0). */
    static long plus(long... terms) {
        long s = 0;
        for (long t : terms) {
            try {
                s = Math.addExact(s, t);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return s;
    }

    /** The number of steps {@code warmUp + counted} as an int, or a refusal naming both options. */
    static int totalSteps(CommandLine cl, long counted, long warmUp) {
        long total = plus(counted, warmUp);
        if (total > Integer.MAX_VALUE) {
            throw new ParameterException(cl, "--steps " + counted + " plus --warm-up " + warmUp + " is " + total
                    + " steps, more than " + Integer.MAX_VALUE);
        }
        return (int) total;
    }

    /** Refuses an array of {@code entries} doubles that no Java array can hold. */
    static void array(CommandLine cl, String options, String what, long entries) {
        if (entries > MAX_ARRAY) {
            throw new ParameterException(cl, options + ": " + what + " would have "
                    + (entries == Long.MAX_VALUE ? "more than 9.2E18" : String.format(Locale.ROOT, "%.3g", (double) entries))
                    + " entries, more than one Java array holds (" + MAX_ARRAY + ")");
        }
    }

    /** Refuses a run whose main allocations, {@code bytes}, exceed what the JVM's heap has left. */
    static void memory(CommandLine cl, String options, String what, long bytes) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            throw new ParameterException(cl, options + ": " + what + " need about " + size(bytes) + ", more than the "
                    + size(available) + " left of the JVM's maximum heap of " + size(rt.maxMemory())
                    + " (raise it with java -Xmx, or reduce " + options.replaceAll(" [0-9]+", "").replace(" ", ", ") + ")");
        }
    }

    /** {@code bytes} as GiB or MiB with three significant digits. */
    static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        double gib = bytes / (1024.0 * 1024 * 1024);
        return gib >= 1 ? String.format(Locale.ROOT, "%.3g GiB", gib)
                : String.format(Locale.ROOT, "%.3g MiB", bytes / (1024.0 * 1024));
    }

    /** The weights of a cell with G gate blocks, H hidden units and I inputs: both arrays fit, and two copies fit in the heap. */
    static void cell(CommandLine cl, int gates, long hidden, long inputs) {
        String rows = gates == 1 ? "H" : gates + "H";
        array(cl, "--hidden " + hidden, "W_hh (" + rows + " × H)", times(gates, hidden, hidden));
        array(cl, "--hidden " + hidden + " --input-size " + inputs, "W_ih (" + rows + " × I)", times(gates, hidden, inputs));
        memory(cl, "--hidden " + hidden, "the cell's weights and one working copy", times(2, weightBytes(gates, hidden, inputs)));
    }

    /** The bytes of W_ih, W_hh and both biases. */
    private static long weightBytes(int gates, long hidden, long inputs) {
        return times(8, gates, hidden, plus(hidden, inputs, 2));
    }

    /** The inputs of a run: a T × I matrix. */
    static void inputs(CommandLine cl, long steps, long inputs) {
        array(cl, "--steps " + steps, "the inputs (T × I)", times(steps, inputs));
        memory(cl, "--steps " + steps, "the inputs (T × I doubles)", times(8, steps, inputs));
    }

    /** A gradient profile: the forward pass stores T states, T step caches and T outputs. */
    static void profile(CommandLine cl, CellKind kind, long hidden, long steps) {
        memory(cl, "--steps " + steps + " --hidden " + hidden, "the stored states and step caches of the profile",
                times(steps, perStepBytes(kind, hidden)));
    }

    /** A spectrum: T step Jacobians of n × n, kept to form every product ∂s_T/∂s_t. */
    static void spectrum(CommandLine cl, long hidden, long stateSize, long steps) {
        array(cl, "--hidden " + hidden, "a step Jacobian (n × n, n = " + stateSize + ")", times(stateSize, stateSize));
        memory(cl, "--steps " + steps + " --hidden " + hidden, "the " + steps + " stored step Jacobians (" + stateSize + " × "
                + stateSize + " each)", times(steps, plus(MATRIX_OVERHEAD, times(8, stateSize, stateSize))));
    }

    /** A Lyapunov run: an n × n Jacobian, an n × k frame, and k running estimates at every re-orthonormalisation. */
    static void lyapunov(CommandLine cl, long hidden, long stateSize, long exponents, long steps, long interval) {
        array(cl, "--hidden " + hidden, "a step Jacobian (n × n, n = " + stateSize + ")", times(stateSize, stateSize));
        long records = steps / Math.max(1, interval) + 1;
        memory(cl, "--steps " + steps + " --hidden " + hidden, "the Jacobian, the frame and the running"
                + " estimates", plus(times(8, 4, stateSize, plus(stateSize, exponents)), times(16, records, exponents)));
    }

    /**
     * Training by full BPTT on sequences of length at most T: each sequence of a batch stores T states and caches,
     * and the test set holds its inputs and targets.
     */
    static void training(CommandLine cl, CellKind kind, long inputs, long hidden, long steps, long batch, long testSize) {
        cell(cl, kind.gates(), hidden, inputs);
        memory(cl, "--hidden " + hidden, "the gradients and optimiser state (4 more copies of the weights)",
                times(6, weightBytes(kind.gates(), hidden, inputs)));
        long sequence = times(steps, 2 * MATRIX_OVERHEAD + 8L * (inputs + 1));
        long stored = times(steps, perStepBytes(kind, hidden));
        memory(cl, "--steps " + steps + " --batch " + batch + " --test-size " + testSize + " --hidden " + hidden,
                "the batch's stored states and caches and the test set",
                plus(times(batch, plus(sequence, stored)), times(testSize, sequence)));
    }

    /** Bytes one time step holds in a forward pass: the state, a step cache of about (G + 2)·H doubles, an output. */
    private static long perStepBytes(CellKind kind, long hidden) {
        long state = kind == CellKind.LSTM ? 2 * hidden : hidden;
        return plus(3 * MATRIX_OVERHEAD, times(8, plus(state, times(kind.gates() + 2, hidden), 1)));
    }
}
