package org.rnngradients.docs;

import java.util.regex.Pattern;

/**
 * One figure of the book: its SVG file name, alternative text and size, and the line printed under it. The line
 * always names the class that draws the figure (linked to its source); {@link #data} links the recorded data it is
 * drawn from (shipped with the book under {@code data/}), and exactly one of {@link #reproduce},
 * {@link #sameQuantity} or {@link #noCommand} says how a reader gets those numbers again.
 */
public final class Figure {

    /** How the book writes the CLI launcher, {@code java -jar analysis/target/rnn-gradients-analysis-…-cli.jar}. */
    static final String LAUNCHER = "rnn-gradients ";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String name;
    private final String alt;
    private final int width;
    private final int height;
    private final String drawnByHref;
    private final String drawnBy;
    private String dataHref;
    private String dataLabel;
    private String command;
    private String commandKind;
    private String html;

    Figure(String name, String alt, int width, int height, String drawnByHref, String drawnBy) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("figure name must be kebab-case, was " + name);
        }
        if (alt == null || alt.isBlank() || alt.contains(",") || alt.contains("]")) {
            throw new IllegalArgumentException("alt text of " + name + " must be non-blank without ',' or ']', was " + alt);
        }
        this.name = name;
        this.alt = alt;
        this.width = width;
        this.height = height;
        this.drawnByHref = drawnByHref;
        this.drawnBy = drawnBy;
    }

    /** The file stem and fragment name. */
    public String name() {
        return name;
    }

    /**
     * Links the data file the figure is drawn from; {@code href} is relative to the book page, and one of the form
     * {@code data/<run>/<file>} is copied from the recorded runs ({@code docs/src/data/<run>/<file>}) into the book.
     */
    public Figure data(String label, String href) {
        if (label == null || label.isBlank() || href == null || href.isBlank() || href.contains("..")) {
            throw new IllegalArgumentException("data of " + name + " needs a label and a relative href, was "
                    + label + " -> " + href);
        }
        this.dataLabel = label;
        this.dataHref = href;
        return this;
    }

    /** The CLI command that makes the figure's data; the {@code rnn-gradients} launcher is put in front if missing. */
    public Figure reproduce(String cliCommand) {
        return command("Reproduce the data: ", cliCommand);
    }

    /**
     * A CLI command that computes the same quantity as the figure, which the book computes itself with its own seeds
     * and sizes (so the numbers agree in kind, not digit for digit).
     */
    public Figure sameQuantity(String cliCommand) {
        return sameQuantity("The same quantity", cliCommand);
    }

    /** As {@link #sameQuantity(String)}, saying which of the figure's quantities the command gives ({@code what}). */
    public Figure sameQuantity(String what, String cliCommand) {
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("what the command of " + name + " computes must be non-blank");
        }
        return command(what + " from the command line: ", cliCommand);
    }

    /** Why no command reproduces the figure (a closed form, a diagram, a construction only the book makes). */
    public Figure noCommand(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("the reason of " + name + " must be non-blank");
        }
        if (commandKind != null) {
            throw new IllegalStateException("figure " + name + " already says how to reproduce it");
        }
        this.commandKind = "No command: ";
        this.command = reason;
        return this;
    }

    private Figure command(String kind, String cliCommand) {
        if (cliCommand == null || cliCommand.isBlank() || cliCommand.contains("`")) {
            throw new IllegalArgumentException("the command of " + name + " must be non-blank without '`', was " + cliCommand);
        }
        if (commandKind != null) {
            throw new IllegalStateException("figure " + name + " already says how to reproduce it");
        }
        this.commandKind = kind;
        this.command = "`" + (cliCommand.startsWith(LAUNCHER) ? "" : LAUNCHER) + cliCommand + "`";
        return this;
    }

    /** Raw HTML placed under the image (controls that a script wires to it; the image stays the fallback). */
    Figure html(String passthrough) {
        this.html = passthrough;
        return this;
    }

    /** The include line a generated section uses to place this figure. */
    public String include() {
        return "include::{generated}/figures/" + name + ".adoc[]\n";
    }

    /** The AsciiDoc the chapter includes: the image, any HTML under it, and the source line. */
    String fragment() {
        StringBuilder sb = new StringBuilder();
        sb.append("image::").append(name).append(".svg[").append(alt).append(',').append(width).append(',')
          .append(height).append("]\n\n");
        if (html != null) {
            sb.append("++++\n").append(html).append("\n++++\n\n");
        }
        sb.append("[.figure-source]\nDrawn when the book is built by link:").append(drawnByHref).append("[`")
          .append(drawnBy).append("`]");
        if (dataHref != null) {
            sb.append(" from link:").append(dataHref).append("[").append(dataLabel).append("]");
        }
        sb.append('.');
        if (commandKind != null) {
            sb.append(' ').append(commandKind).append(command).append(command.endsWith(".") ? "" : ".");
        }
        return sb.append("\n").toString();
    }
}
