package org.rnngradients.analysis.cli.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/** The one CSV dialect of the project: RFC 4180 quoting where needed, lines ended by {@code \n}. */
final class CsvFormats {
    /**
     * Comma-separated, a field quoted only when it must be (a comma, a quote, a line break, a leading
     * character up to {@code #} or trailing white space), a quote inside a field doubled; blank lines are skipped
     * when reading.
     */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvFormats() {
    }
}
