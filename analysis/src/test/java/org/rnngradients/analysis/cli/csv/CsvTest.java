package org.rnngradients.analysis.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one CSV dialect: exact doubles, RFC 4180 quoting only where needed, rectangular tables by name. */
class CsvTest {

    private enum Action { NONE }

    @Test
    void writerPrintsDoublesExactlyAndQuotesOnlyWhereNeeded() {
        StringBuilder text = new StringBuilder();
        CsvWriter w = new CsvWriter(text, List.of("t", "x", "label", "ok", "action"));
        w.row(1, 0.1 + 0.2, "a,b", true, Action.NONE).row(2L, Double.NEGATIVE_INFINITY, "say \"hi\"", false, Action.NONE)
                .row(3, Double.NaN, "", true, Action.NONE);
        assertEquals("t,x,label,ok,action\n1,0.30000000000000004,\"a,b\",true,NONE\n"
                + "2,-Infinity,\"say \"\"hi\"\"\",false,NONE\n3,NaN,,true,NONE\n", text.toString());
        assertEquals(3, w.rowCount());
    }

    @Test
    void writerRefusesWrongRowLengthsAndUnknownCellTypes() {
        CsvWriter w = new CsvWriter(new StringBuilder(), List.of("a", "b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.row(1));
        assertEquals("row must have 2 cells, had 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.row(1, new Object()));
        assertTrue(e.getMessage().startsWith("cell must be a Double"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.row(1, null));
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(new StringBuilder(), List.of()));
    }

    @Property(tries = 200)
    void everyDoubleAndStringReadsBackIdentically(@ForAll double x, @ForAll String label) {
        StringBuilder text = new StringBuilder();
        new CsvWriter(text, List.of("x", "label")).row(x, label);
        CsvTable t = CsvTable.parse("mem", text.toString());
        assertEquals(1, t.size());
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(t.number(0, "x")));
        assertEquals(label.replace("\r\n", "\n").replace('\r', '\n'), t.text(0, "label").replace("\r\n", "\n")
                .replace('\r', '\n'));
    }

    @Test
    void fileWriterFlushesEveryRowSoARunCanBeFollowed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("curve.csv");
        try (CsvWriter w = CsvWriter.create(f, List.of("step", "loss"))) {
            w.row(1, 0.5);
            assertEquals("step,loss\n1,0.5\n", Files.readString(f), "written before close");
        }
    }

    @Test
    void tableReadsColumnsByNameAndEmptyCellsAsNaN(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "T,ratio,note\n5,0.01,\"a, b\"\n\n20,,x\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("T", "ratio", "note"), t.header());
        assertEquals(2, t.size(), "the blank line is skipped");
        assertEquals("a, b", t.text(0, "note"));
        assertEquals(Double.NaN, t.number(1, "ratio"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.number(0, "missing"));
        assertTrue(e.getMessage().contains("has no column missing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.text(2, "T"));
    }

    @Test
    void nonRectangularOrEmptyFilesAreNamed(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("odd.csv"), "a,b\n1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvTable.read(f));
        assertEquals(f + ": row 2 has 3 cells, the header 2", e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        e = assertThrows(IllegalArgumentException.class, () -> CsvTable.read(empty));
        assertEquals(empty + " is empty", e.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.csv"), "a\n\"unterminated\n");
        e = assertThrows(IllegalArgumentException.class, () -> CsvTable.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not valid CSV"), e.getMessage());
    }
}
