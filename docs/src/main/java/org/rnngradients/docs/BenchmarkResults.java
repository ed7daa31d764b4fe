package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * The recorded side-by-side comparison ({@code docs/src/bench/compare.sh}) as the book reads it: per workload and
 * thread count, the median time of this project, PyTorch and NumPy over the alternated rounds, the workload's
 * floating-point operations, and the machine and versions the run recorded. A missing file or column is an error
 * naming it: the chapter quotes nothing that was not measured.
 */
public final class BenchmarkResults {
    /** Where compare.sh writes, relative to the project root. */
    static final String DIR = "docs/src/data/performance";
    static final String SUMMARY = DIR + "/summary.csv";
    static final String MACHINE = DIR + "/machine.csv";
    static final String RAW = DIR + "/raw.csv";
    /** Earlier runs of the same comparison on other machines, one folder each holding its summary.csv and machine.csv. */
    static final String EARLIER = DIR + "/earlier";

    /** One workload at one thread count: median seconds per implementation (NaN where one was not timed). */
    public record Row(String workload, int threads, int rounds, double ours, double pytorch, double numpy, double gflop) {
        /** ours / PyTorch: below 1 this project is faster. */
        public double oursOverPytorch() {
            return ours / pytorch;
        }

        /** ours / NumPy. */
        public double oursOverNumpy() {
            return ours / numpy;
        }

        /** GFLOP/s of an implementation's median time. */
        public double gflops(double seconds) {
            return gflop / seconds;
        }
    }

    private final Map<String, Row> rows;
    private final Map<String, List<String>> machine;

    private BenchmarkResults(Map<String, Row> rows, Map<String, List<String>> machine) {
        this.rows = rows;
        this.machine = machine;
    }

    /** Reads summary.csv and machine.csv under {@code root}. */
    public static BenchmarkResults read(Path root) {
        return read(root, DIR);
    }

    /** Reads summary.csv and machine.csv from the folder {@code dir} (relative to {@code root}). */
    public static BenchmarkResults read(Path root, String dir) {
        try {
            CsvTable summary = CsvTable.read(existing(root, dir + "/summary.csv"));
            Map<String, Row> rows = new LinkedHashMap<>();
            for (int r = 0; r < summary.size(); r++) {
                Row row = new Row(summary.text(r, "workload"), (int) summary.number(r, "threads"),
                        (int) summary.number(r, "rounds"), seconds(summary, r, "ours_s"),
                        seconds(summary, r, "pytorch_s"), seconds(summary, r, "numpy_s"), summary.number(r, "gflop"));
                rows.put(key(row.workload(), row.threads()), row);
            }
            CsvTable m = CsvTable.read(existing(root, dir + "/machine.csv"));
            Map<String, List<String>> machine = new LinkedHashMap<>();
            for (int r = 0; r < m.size(); r++) {
                machine.computeIfAbsent(m.text(r, "key"), k -> new ArrayList<>()).add(m.text(r, "value"));
            }
            return new BenchmarkResults(rows, machine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folders of the earlier runs under {@link #EARLIER} (relative to {@code root}), by name; none if it is absent. */
    public static List<String> earlierRuns(Path root) {
        Path earlier = root.resolve(EARLIER);
        if (!Files.isDirectory(earlier)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> dirs = Files.list(earlier)) {
            return dirs.filter(Files::isDirectory).map(d -> EARLIER + "/" + d.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine as a reader would name it: the CPU, the OpenBLAS core this project ran on and the day of the run. */
    public String machineLabel() {
        java.util.regex.Matcher core = java.util.regex.Pattern.compile("core (\\S+)").matcher(machine("ours"));
        String started = machine("started");
        return machine("cpu") + (core.find() ? ", OpenBLAS core " + core.group(1) : "")
                + ", " + started.substring(0, Math.min(10, started.length()));
    }

    private static Path existing(Path root, String file) {
        Path p = root.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("the performance chapter needs " + file + " (run docs/src/bench/compare.sh)");
        }
        return p;
    }

    private static double seconds(CsvTable t, int r, String column) {
        String text = t.text(r, column);
        return text.isEmpty() ? Double.NaN : t.number(r, column);
    }

    private static String key(String workload, int threads) {
        return workload + "@" + threads;
    }

    /** The row of {@code workload} at {@code threads}. */
    public Row row(String workload, int threads) {
        Row row = rows.get(key(workload, threads));
        if (row == null) {
            throw new IllegalArgumentException("no recorded result for " + workload + " at " + threads + " thread(s)");
        }
        return row;
    }

    /** Whether {@code workload} was recorded at {@code threads}. */
    public boolean has(String workload, int threads) {
        return rows.containsKey(key(workload, threads));
    }

    /** The thread counts recorded, ascending (1 and the machine's core count). */
    public int[] threadCounts() {
        return rows.values().stream().mapToInt(Row::threads).distinct().sorted().toArray();
    }

    /** The first value recorded for a machine key (versions, CPU, load, command). */
    public String machine(String key) {
        List<String> values = machine.get(key);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("machine.csv has no " + key);
        }
        return values.get(0);
    }

    /** Every value recorded for a machine key (PyTorch's configuration lines). */
    public List<String> machineAll(String key) {
        return machine.getOrDefault(key, List.of());
    }
}
