package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ledger as data: files parse, every row is bound to a test method that exists, every claim test is bound. */
class LedgerTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyBoundTestMethodExistsAndIsATest() throws Exception {
        List<ClaimEntry> entries = Ledger.read(ROOT.resolve(Ledger.DIR));
        assertEquals(71, entries.size(), "rows in docs/src/ledger");
        for (ClaimEntry e : entries) {
            Class<?> type = Class.forName("org.rnngradients.docs." + e.testClass());
            Method method = type.getDeclaredMethod(e.testMethod());
            assertNotNull(method.getAnnotation(Test.class), e.id() + ": " + e.test() + " is not a @Test");
        }
    }

    @Test
    void everyClaimsTestMethodIsBoundBySomeRow() {
        Set<String> bound = Ledger.read(ROOT.resolve(Ledger.DIR)).stream().map(ClaimEntry::test).collect(Collectors.toSet());
        List<String> unbound = Arrays.stream(ClaimsTest.class.getDeclaredMethods())
                .filter(m -> m.getAnnotation(Test.class) != null)
                .map(m -> "ClaimsTest#" + m.getName()).filter(t -> !bound.contains(t)).sorted().toList();
        assertEquals(List.of(), unbound, "ClaimsTest methods that no ledger row names");
    }

    @Test
    void idsAreUniqueAcrossFiles() {
        List<String> ids = Ledger.read(ROOT.resolve(Ledger.DIR)).stream().map(ClaimEntry::id).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size(), "duplicate ids: " + ids);
    }

    @Test
    void recordsJoinContinuationLinesAndSkipComments() {
        List<ClaimEntry> e = LedgerFile.parse(List.of("# a comment", "", "id: a-b", "source: 000 §1",
                "test: ClaimsTest#x", "claim: first part", "  and second part", "stated: 1", "figure: 6.2 2", "",
                "id: c", "source: 001", "test: ClaimsTest#y", "claim: c", "stated: s", "measured: m {v}", "note: n"), "t.txt");
        assertEquals(2, e.size());
        assertEquals("first part and second part", e.get(0).claim());
        assertEquals("{value}", e.get(0).measured(), "default measured template");
        assertEquals(6.2, e.get(0).figure(), 0);
        assertEquals(2, e.get(0).digits());
        assertEquals("", e.get(0).note());
        assertEquals("m {v}", e.get(1).measured());
        assertEquals("ClaimsTest", e.get(1).testClass());
        assertEquals("y", e.get(1).testMethod());
    }

    @Test
    void malformedRecordsAreRejectedWithTheirPlace() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LedgerFile.parse(List.of("id: a", "colour: red"), "t.txt"));
        assertTrue(unknown.getMessage().contains("t.txt:2"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LedgerFile.parse(List.of("  orphan continuation"), "t.txt"));
        assertThrows(IllegalArgumentException.class, () -> LedgerFile.parse(List.of("id: a", "id: b"), "t.txt"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LedgerFile.parse(List.of("id: a", "source: 000", "test: ClaimsTest#x", "claim: c"), "t.txt"));
        assertTrue(missing.getMessage().contains("stated"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LedgerFile.parse(List.of("id: a", "source: 000",
                "test: not a method", "claim: c", "stated: s"), "t.txt"));
    }

    private static ClaimEntry entry(String measured, String note) {
        return new ClaimEntry("x", "000 §1", "ClaimsTest#x", "claim", "stated", 2.0, 1, measured, note, "t.txt:1");
    }

    @Test
    void measurementFillsPlaceholdersAndQuotesWhatProseUses() {
        Measurement m = new Measurement(entry("{value} and {extra}", "see {extra}"));
        m.number(2.04).quote("extra", "7");
        LedgerRow row = m.row();
        assertEquals("2.040 and 7", row.measured(), "four significant digits");
        assertEquals("see 7", row.note());
        assertEquals(Verdict.HOLDS, row.verdict());
        assertEquals("2.040", m.quoted().get("x"));
        assertEquals("7", m.quoted().get("x-extra"));
    }

    @Test
    void measurementRefusesMissingOrUnusedFiguresAndStaleNotes() {
        Measurement missing = new Measurement(entry("{value} {other}", ""));
        missing.number(2);
        assertThrows(IllegalStateException.class, missing::row);
        Measurement unused = new Measurement(entry("{value}", ""));
        unused.number(2).put("spare", "1");
        assertThrows(IllegalStateException.class, unused::row);
        Measurement noVerdict = new Measurement(entry("{v}", ""));
        noVerdict.put("v", "1");
        assertThrows(IllegalStateException.class, noVerdict::row);
        IllegalStateException stale = assertThrows(IllegalStateException.class,
                () -> new Measurement(entry("{value}", "")).require(false, "the sky is green"));
        assertTrue(stale.getMessage().contains("x") && stale.getMessage().contains("sky"), stale.getMessage());
    }

    @Test
    void citationsAreFiledUnderTheAnchorOfTheirSection() {
        Citations c = Citations.scanLines(List.of("[[chapter]]", "= Chapter", "See <<claim-a>>.", "[[chapter-b]]",
                "== B", "text", "[[fig-x]]", ".Caption", "image::x.svg[]", "Again <<claim-a,the row>> and <<ref-key>>."));
        assertEquals(List.of("chapter", "chapter-b"), c.of("claim-a"));
        assertEquals(List.of("chapter-b"), c.of("ref-key"));
        assertThrows(IllegalStateException.class, () -> Citations.scanLines(List.of("= No anchor", "<<claim-a>>")));
    }

    @Test
    void everyRowIsCitedFromTheChapters() throws Exception {
        Citations c = Citations.scan(ROOT.resolve(LedgerWriter.CHAPTERS), LedgerWriter.SUMMARIES);
        List<String> uncited = Ledger.read(ROOT.resolve(Ledger.DIR)).stream().map(ClaimEntry::id)
                .filter(id -> c.of("claim-" + id).isEmpty()).toList();
        assertEquals(List.of(), uncited, "ledger rows the text never cites");
    }
}
