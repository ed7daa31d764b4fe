package org.rnngradients.docs;

import java.nio.file.Path;

/**
 * Build-time entry point: computes every number quoted by the book into an attributes file and
 * draws every figure as SVG. Arguments: the attributes file, the images folder, the project root.
 */
public final class BookGenerator {

    private BookGenerator() {
    }

    /** Runs the generator; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BookGenerator <numbers.adoc> <images-dir> <project-root>, got " + args.length + " arguments");
        }
        Path numbers = Path.of(args[0]);
        Path images = Path.of(args[1]);
        Path root = Path.of(args[2]);
        long start = System.nanoTime();
        Attributes attributes = new Attributes();
        Figures figures = new Figures(images);
        new DecayChapter().contribute(attributes, figures);
        new LabChapter().contribute(attributes, figures);
        new ProductChapter().contribute(attributes, figures);
        new GammaChapter().contribute(attributes, figures);
        new LyapunovChapter().contribute(attributes, figures);
        new ExperimentsChapter().contribute(attributes, figures);
        int results = ExperimentResults.write(root, numbers.resolveSibling("experiments-results.adoc"), figures);
        attributes.put("experiment-result-files", Integer.toString(results));
        int benchmarks = BenchmarkResults.write(root, numbers.resolveSibling("benchmark-results.adoc"));
        attributes.put("benchmark-result-files", Integer.toString(benchmarks));
        Ledger ledger = new Ledger(root);
        LedgerWriter.write(ledger, attributes, numbers.resolveSibling("ledger.adoc"), root);
        attributes.write(numbers);
        System.out.printf("BookGenerator: %d attributes, %d figures in %.1f s%n",
                attributes.size(), figures.count(), (System.nanoTime() - start) / 1e9);
    }
}
