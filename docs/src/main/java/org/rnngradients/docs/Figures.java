package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.SvgFigure;

/**
 * The book's figures: each is an SVG in the images folder plus an AsciiDoc fragment
 * {@code figures/<name>.adoc} that the chapter includes under its own anchor and caption. The fragment holds
 * the image and a source line under it (which class draws the figure, and optionally the data file and the
 * command that reproduce it, each added by one call on the {@link Figure}). Fragments are written by
 * {@link #finish}, after every chapter has had its say; it also copies every recorded data file a fragment links
 * ({@code link:data/<run>/<file>[…]}, from {@code docs/src/data/<run>/<file>}) into the book, so the links work
 * offline.
 */
public final class Figures {

    private final Path images;
    private final Path fragments;
    private final SourcePages sources;
    private final List<Figure> written = new ArrayList<>();

    /** Figures written under {@code images}, fragments under {@code fragments}, source links through {@code sources}. */
    public Figures(Path images, Path fragments, SourcePages sources) {
        if (images == null || fragments == null || sources == null) {
            throw new IllegalArgumentException("images, fragments and sources must not be null");
        }
        this.images = images;
        this.fragments = fragments;
        this.sources = sources;
    }

    /** Figures under {@code dir} (fragments in {@code dir/figures}), source pages there too: for tests. */
    public Figures(Path dir) {
        this(dir, dir.resolve("figures"), new SourcePages(Path.of(".."), dir));
    }

    /** Writes one chart as {@code <name>.svg} at the standard size. */
    public Figure chart(Class<?> drawnBy, String name, String alt, Chart chart) {
        return svg(drawnBy, name, alt, SvgFigure.WIDTH, SvgFigure.HEIGHT, SvgFigure.svg(name, chart));
    }

    /** Writes small multiples, {@code columns} panels of {@code width} × {@code height} per row. */
    public Figure grid(Class<?> drawnBy, String name, String alt, int columns, int width, int height, List<Chart> panels) {
        int rows = (panels.size() + columns - 1) / columns;
        return svg(drawnBy, name, alt, Math.min(columns, panels.size()) * width, rows * height,
                SvgFigure.grid(name, columns, width, height, panels));
    }

    /** Writes an SVG document made some other way (a diagram) as {@code <name>.svg}. */
    public Figure svg(Class<?> drawnBy, String name, String alt, int width, int height, String svg) {
        Figure f = new Figure(name, alt, width, height, sources.classLink(drawnBy), drawnBy.getSimpleName());
        try {
            SvgFigure.write(images.resolve(name + ".svg"), svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (written.stream().anyMatch(w -> w.name().equals(name))) {
            throw new IllegalArgumentException("figure written twice: " + name);
        }
        written.add(f);
        return f;
    }

    /** Where the book's recorded runs live, relative to the project root. */
    static final String RECORDED = "docs/src/data";
    /** The folder of the book that holds the copies of recorded data, and the prefix of their hrefs. */
    static final String SHIPPED = "data/";
    /** A link to shipped data anywhere in a fragment (the data link, or one inside a command's note). */
    static final Pattern DATA_LINK = Pattern.compile("link:(" + SHIPPED + "[^\\[\\s]+)\\[");

    /** Writes every figure's fragment and copies the recorded data they link into the book; returns how many figures. */
    public int finish() {
        try {
            Files.createDirectories(fragments);
            for (Figure f : written) {
                String fragment = f.fragment();
                Files.writeString(fragments.resolve(f.name() + ".adoc"), fragment, StandardCharsets.UTF_8);
                Matcher m = DATA_LINK.matcher(fragment);
                while (m.find()) {
                    ship(f.name(), m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written.size();
    }

    /** Copies the recorded file behind the link {@code href} of figure {@code figure} into the book, failing if there is none. */
    private void ship(String figure, String href) throws IOException {
        String relative = href.substring(SHIPPED.length());
        Path source = sources.root().resolve(RECORDED).resolve(relative);
        if (relative.contains("..") || !Files.isRegularFile(source)) {
            throw new IllegalArgumentException("figure " + figure + " links " + href + ", but there is no "
                    + RECORDED + "/" + relative + " under " + sources.root().toAbsolutePath().normalize());
        }
        Path target = sources.book().resolve(href);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Number of figures written. */
    public int count() {
        return written.size();
    }

    /** The source pages the figures link to. */
    SourcePages sources() {
        return sources;
    }
}
