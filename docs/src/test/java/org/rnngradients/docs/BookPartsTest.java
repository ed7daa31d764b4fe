package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's generated parts: source pages, listing captions, the diagram, the interactive figure's data, references. */
class BookPartsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void sourcePagesMarkTaggedRegionsMethodsAndLinesAndEscapeHtml() {
        String page = SourcePages.page("cells/src/main/java/x/Y.java", List.of("class Y {", "    // tag::step[]",
                "    static int step(int a) { return a < 2 ? a : 2; }", "    // end::step[]", "}"));
        assertTrue(page.contains("id=\"tag-step\""), "tagged region");
        assertTrue(page.contains("id=\"m-step\""), "method anchor");
        assertTrue(page.contains("id=\"L3\""), "line anchor");
        assertTrue(page.contains("a &lt; 2"), "escaped");
        assertTrue(page.contains("href=\"../../../../../../index.html\""), "back to the book from src/<6 folders>/Y.java.html");
        assertFalse(page.contains("http"), "nothing remote");
    }

    @Test
    void listingsNeedACaptionAndATestMethod() {
        List<String> good = List.of(".{listing-a-tag}", "[source,java,indent=0,tested-by=\"SomeTest#works\"]", "----",
                "include::{cells-src}/org/x/A.java[tag=a-tag]", "----");
        Listings.Listing l = Listings.scan(good, "c.adoc").get(0);
        assertEquals("cells/src/main/java/org/x/A.java", l.file());
        assertEquals("SomeTest", l.testClass());
        assertEquals("works", l.testMethod());
        assertTrue(Listings.caption(l, "src/a.html#tag-a-tag", "src/t.html#m-works").contains(
                "<a href=\"src/t.html#m-works\">" + Formats.breakableCode("SomeTest#works") + "</a>"));
        assertThrows(IllegalStateException.class, () -> Listings.scan(List.of("", "[source,java,indent=0]", "----",
                "include::{cells-src}/org/x/A.java[tag=a-tag]", "----"), "c.adoc"));
        assertThrows(IllegalStateException.class, () -> Listings.scan(List.of(".Some title",
                "[source,java,indent=0,tested-by=\"SomeTest#works\"]", "----", "include::{cells-src}/org/x/A.java[tag=a-tag]",
                "----"), "c.adoc"));
    }

    @Test
    void everyListingOfTheChaptersNamesAnExistingTest() throws Exception {
        List<Listings.Listing> listings = Listings.scan(ROOT.resolve(LedgerWriter.CHAPTERS));
        assertTrue(listings.size() > 30, "listings found: " + listings.size());
        SourcePages sources = new SourcePages(ROOT, Files.createTempDirectory("book"));
        for (Listings.Listing l : listings) {
            String test = Files.readString(ROOT.resolve(sources.testSource(l.testClass())));
            assertTrue(test.contains("void " + l.testMethod() + "("), l.place() + ": " + l.testClass() + "#" + l.testMethod());
        }
    }

    @Test
    void unrolledDiagramIsWellFormedDeterministicAndLabelled() throws Exception {
        String svg = UnrolledDiagram.svg();
        assertEquals(svg, UnrolledDiagram.svg());
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        for (String label : new String[] {"h₀", "h₄", "δ₀", "J₁ᵀ", "∂L₄/∂h₄", "x₁", "L₁"}) {
            assertTrue(svg.contains(">" + label + "<"), label);
        }
    }

    @Test
    void measuredDecayNeverRisesAboveTheLinearPrediction() {
        for (double g : new double[] {0.5, 1.0, 1.5}) {
            double[] m = DecayExplorer.measured(g);
            assertEquals(0, m[0], 0, "relative to the loss step");
            for (int k = 0; k < m.length; k++) {
                assertTrue(m[k] <= k * Math.log10(g) + 1e-9, "g = " + g + ", k = " + k + ": every ‖J_t‖ ≤ g");
            }
        }
    }

    @Test
    void interactiveFigureDataHasOneCurvePerGainAndIsDeterministic() {
        String json = DecayExplorer.json();
        assertEquals(json, DecayExplorer.json());
        Matcher curves = Pattern.compile("\\[(-?[0-9.]+,){" + (DecayExplorer.STEPS - 1) + "}-?[0-9.]+\\]").matcher(json);
        int n = 0;
        while (curves.find()) {
            n++;
        }
        assertEquals(DecayExplorer.GAINS.length, n);
        assertTrue(DecayExplorer.controls().contains(" hidden>"), "the controls stay hidden without scripts");
    }

    @Test
    void everyReferenceIsCitedAndEveryCitationHasAnEntry() throws Exception {
        String refs = Files.readString(ROOT.resolve(LedgerWriter.CHAPTERS).resolve("13-references.adoc"));
        Set<String> entries = new TreeSet<>();
        Matcher m = Pattern.compile("\\[\\[\\[(ref-[a-z0-9-]+),").matcher(refs);
        while (m.find()) {
            entries.add(m.group(1));
        }
        Citations c = Citations.scan(ROOT.resolve(LedgerWriter.CHAPTERS), LedgerWriter.SUMMARIES);
        Set<String> cited = new TreeSet<>();
        c.targets().stream().filter(t -> t.startsWith("ref-")).forEach(cited::add);
        assertEquals(entries, cited);
        assertTrue(entries.size() >= 15, "entries: " + entries);
    }

    @Test
    void wideResultTablesOfFewRunsAreTransposed(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve(ExperimentResults.DIR));
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            header.append(i == 0 ? "" : ",").append("column_").append(i);
            row.append(i == 0 ? "" : ",").append(i);
        }
        Files.writeString(dir.resolve("wide.csv"), header + "\n" + row + "\n");
        Path out = root.resolve("out.adoc");
        ExperimentResults.write(root, out, new Figures(root.resolve("img")));
        String adoc = Files.readString(out);
        assertTrue(adoc.contains("one line per column") && adoc.contains("| column 11 | 11\n"), adoc);
    }
}
