/**
 * The project's one CSV dialect (commons-csv, RFC 4180 quoting, {@code \n} line ends, doubles printed with
 * {@link java.lang.Double#toString(double)}): {@link org.rnngradients.analysis.cli.csv.CsvWriter} writes the
 * CLI's result tables and {@link org.rnngradients.analysis.cli.csv.CsvTable} reads them back, for the CLI and for
 * the book's generator. Exported only to the docs module; it needs commons-csv, an optional dependency.
 */
package org.rnngradients.analysis.cli.csv;
