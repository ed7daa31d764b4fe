package org.rnngradients.analysis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the command line: its exit code, stdout and stderr. Charts render headless. */
record CliRun(int exitCode, String out, String err) {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnGradients.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The arguments {@code base} followed by {@code extra}. */
    static CliRun of(List<String> base, String... extra) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(extra));
        return of(args.toArray(String[]::new));
    }
}
