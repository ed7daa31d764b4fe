package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The captions of the book's listings. Every listing in a chapter is written as
 * <pre>
 * .{listing-TAG}
 * [source,java,indent=0,tested-by="SomeTest#someMethod"]
 * ----
 * include::{cells-src}/org/.../File.java[tag=TAG]
 * ----
 * </pre>
 * and the generator defines {@code listing-TAG} as the file's path, linked to its shipped copy at the tagged region,
 * and the test method that exercises the region, linked to the test's copy. A listing without caption or test, or
 * naming a test method that does not exist, fails the build.
 */
public final class Listings {

    private static final Pattern INCLUDE = Pattern.compile("^include::\\{([a-z]+)-(src|test)\\}/(\\S+?)\\[tag=([a-z0-9-]+)\\]$");
    private static final Pattern TESTED_BY = Pattern.compile("tested-by=\"([A-Z]\\w*)#(\\w+)\"");

    /** One listing: where it is in the chapters, the source file and tag it shows, and its test. */
    record Listing(String place, String file, String tag, String testClass, String testMethod) {
    }

    private Listings() {
    }

    /** Every listing of the chapter files under {@code chapters}, in file order; fails on a listing without caption or test. */
    static List<Listing> scan(Path chapters) throws IOException {
        List<Listing> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(chapters)) {
            files = s.filter(p -> p.toString().endsWith(".adoc")).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            out.addAll(scan(Files.readAllLines(f, StandardCharsets.UTF_8), f.getFileName().toString()));
        }
        return out;
    }

    /** The listings in {@code lines}. */
    static List<Listing> scan(List<String> lines, String name) {
        List<Listing> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher inc = INCLUDE.matcher(lines.get(i));
            if (!inc.matches() || i < 3 || !lines.get(i - 1).equals("----")) {
                continue;
            }
            String place = name + ":" + (i + 1);
            String tag = inc.group(4);
            Matcher tested = TESTED_BY.matcher(lines.get(i - 2));
            if (!lines.get(i - 2).startsWith("[source") || !tested.find()) {
                throw new IllegalStateException(place + ": listing " + tag + " needs [source,java,indent=0,tested-by=\"Test#method\"]");
            }
            if (!lines.get(i - 3).equals(".{listing-" + tag + "}")) {
                throw new IllegalStateException(place + ": listing " + tag + " needs the caption line .{listing-" + tag + "}");
            }
            String set = inc.group(2).equals("src") ? "/src/main/java/" : "/src/test/java/";
            out.add(new Listing(place, inc.group(1) + set + inc.group(3), tag, tested.group(1), tested.group(2)));
        }
        return out;
    }

    /** Defines {@code listing-<tag>} for every listing of the chapters under {@code root}; returns how many listings. */
    public static int write(Path root, Attributes a, SourcePages sources) throws IOException {
        List<Listing> listings = scan(root.resolve(LedgerWriter.CHAPTERS));
        List<String> seen = new ArrayList<>();
        for (Listing l : listings) {
            String test = sources.testSource(l.testClass());
            if (!Pattern.compile("void " + l.testMethod() + "\\(").matcher(Files.readString(root.resolve(test))).find()) {
                throw new IllegalStateException(l.place() + ": listing " + l.tag() + " names " + l.testClass() + "#"
                        + l.testMethod() + ", which " + test + " lacks");
            }
            if (seen.contains(l.tag())) {
                throw new IllegalStateException(l.place() + ": listing " + l.tag() + " is shown twice; refer to the first instead");
            }
            seen.add(l.tag());
            a.putHtml("listing-" + l.tag(), caption(l, sources.link(l.file(), "tag-" + l.tag()),
                    sources.link(test, "m-" + l.testMethod())));
        }
        return listings.size();
    }

    /** The caption (HTML): the linked path with the tag, and the linked test. */
    static String caption(Listing l, String fileHref, String testHref) {
        return Formats.codeLink(fileHref, l.file()) + ", tag <code>" + l.tag() + "</code>; tested by "
                + Formats.codeLink(testHref, l.testClass() + "#" + l.testMethod());
    }
}
