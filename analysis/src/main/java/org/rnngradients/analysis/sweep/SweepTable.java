package org.rnngradients.analysis.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.internal.Require;

/**
 * The CSV row of a sweep result: {@code cell,hidden,gain,seed}, the task's settings, then
 * {@code lambda_1,lambda_1_half,activity} and, when the task computes it, {@code spectral_radius}.
 * Doubles are written with {@link Double#toString(double)}, which reads back to the identical value,
 * so a parsed row equals the result that was written.
 */
final class SweepTable {
    private final PointTask task;
    private final List<String> header;

    SweepTable(PointTask task) {
        this.task = Require.nonNull(task, "task");
        List<String> h = new ArrayList<>(List.of("cell", "hidden", "gain", "seed"));
        h.addAll(task.settings().keySet());
        h.addAll(List.of("lambda_1", "lambda_1_half", "activity"));
        if (task.computesSpectralRadius()) {
            h.add("spectral_radius");
        }
        this.header = List.copyOf(h);
    }

    /** The header line (no line end). */
    String header() {
        return String.join(",", header);
    }

    /** The row of {@code r} (no line end). */
    String format(SweepResult r) {
        SweepPoint p = r.point();
        StringBuilder s = new StringBuilder().append(p.cell().cliName()).append(',').append(p.hidden()).append(',')
                .append(p.gain()).append(',').append(p.seed());
        for (long v : task.settings().values()) {
            s.append(',').append(v);
        }
        s.append(',').append(r.largestExponent()).append(',').append(r.halfTimeExponent()).append(',')
                .append(r.activity());
        if (task.computesSpectralRadius()) {
            if (!r.hasSpectralRadius()) {
                throw new IllegalArgumentException("result for " + p + " lacks the spectral radius the task computes");
            }
            s.append(',').append(r.spectralRadius());
        }
        return s.toString();
    }

    /** The result in {@code line}; {@code where} (file and line number) prefixes any error. */
    SweepResult parse(String line, String where) {
        String[] f = line.split(",", -1);
        if (f.length != header.size()) {
            throw new IllegalArgumentException(where + ": expected " + header.size() + " fields (" + header()
                    + "), found " + f.length);
        }
        try {
            SweepPoint p = new SweepPoint(CellKind.fromCliName(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Long.parseLong(f[3]));
            int k = 4;
            for (Map.Entry<String, Long> e : task.settings().entrySet()) {
                long stored = Long.parseLong(f[k++]);
                if (stored != e.getValue()) {
                    throw new IllegalArgumentException(e.getKey() + " = " + stored + " there, but this sweep has "
                            + e.getKey() + " = " + e.getValue() + " (use the original settings, another output, or start over)");
                }
            }
            double rho = task.computesSpectralRadius() ? Double.parseDouble(f[k + 3]) : Double.NaN;
            return new SweepResult(p, Double.parseDouble(f[k]), Double.parseDouble(f[k + 1]), Double.parseDouble(f[k + 2]),
                    rho);
        } catch (IllegalArgumentException e) {          // NumberFormatException is one
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
