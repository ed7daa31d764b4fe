package org.rnngradients.docs;

import java.util.regex.Pattern;

/**
 * One figure of the book: its SVG file name, alternative text and size, and the line printed under it. The line
 * always names the class that draws the figure (linked to its source); {@link #data} and {@link #reproduce} add the
 * recorded data and the command that makes it, one call each.
 */
public final class Figure {

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

    /** Links the data file the figure is drawn from ({@code href} relative to the book page). */
    public Figure data(String label, String href) {
        this.dataLabel = label;
        this.dataHref = href;
        return this;
    }

    /** The command that makes the figure's data. */
    public Figure reproduce(String cliCommand) {
        this.command = cliCommand;
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
        if (command != null) {
            sb.append(" Reproduce the data: `").append(command).append("`.");
        }
        return sb.append("\n").toString();
    }
}
