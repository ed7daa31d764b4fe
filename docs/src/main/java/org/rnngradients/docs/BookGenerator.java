package org.rnngradients.docs;

import java.nio.file.Path;

/**
 * Build-time entry point: computes every number quoted by the book into an attributes file, draws every figure
 * as SVG, writes the ledger, the listing captions and the source pages the book links to. Arguments: the
 * attributes file, the images folder (inside the book folder), the project root.
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
        Path generated = numbers.toAbsolutePath().getParent();
        long start = System.nanoTime();
        Attributes attributes = new Attributes();
        SourcePages sources = new SourcePages(root, images.toAbsolutePath().getParent());
        Figures figures = new Figures(images, generated.resolve("figures"), sources);
        new UnrolledDiagram().contribute(attributes, figures);
        new DecayChapter().contribute(attributes, figures);
        new LabChapter().contribute(attributes, figures);
        new ProductChapter().contribute(attributes, figures);
        new GammaChapter().contribute(attributes, figures);
        new LyapunovChapter().contribute(attributes, figures);
        new LyapunovChapter().contributeFiniteSize(root, generated, attributes, figures);
        new ExperimentsChapter().contribute(attributes, figures);
        new FlossingChapter(root.resolve(ExperimentResults.DIR), attributes).contribute(figures);
        new Exercises().contribute(attributes);
        new LongRangeSection(new LongRangeRuns(root.resolve(ExperimentResults.DIR))).write(generated, attributes, figures);
        int results = ExperimentResults.write(root, numbers.resolveSibling("experiments-results.adoc"), figures);
        attributes.put("experiment-result-files", Integer.toString(results));
        new PerformanceChapter().contribute(root, generated, attributes, figures);
        TestingAppendix.write(root, attributes, generated);
        Ledger ledger = new Ledger(root);
        LedgerWriter.write(ledger, attributes, numbers.resolveSibling("ledger.adoc"), root, sources);
        int listings = Listings.write(root, attributes, sources);
        attributes.put("listing-count", Integer.toString(listings));
        figures.finish();
        int pages = sources.write();
        attributes.write(numbers);
        System.out.printf("BookGenerator: %d attributes, %d figures, %d source pages in %.1f s%n",
                attributes.size(), figures.count(), pages, (System.nanoTime() - start) / 1e9);
    }
}
