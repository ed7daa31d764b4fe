package org.rnngradients.analysis.plot;

/**
 * How a line is drawn: a palette colour ({@link Palette}), solid or dashed, with or without point markers,
 * and a stroke width in SVG user units. A negative colour means "the line's position among the chart's
 * lines", so a chart of plain lines gets distinct colours without naming them.
 */
public record Style(int colour, boolean dashed, boolean markers, float width) {

    /** The default stroke width. */
    public static final float WIDTH = 2f;

    /** Validates the width. */
    public Style {
        if (!(width > 0) || !Float.isFinite(width)) {
            throw new IllegalArgumentException("width must be finite and > 0, was " + width);
        }
    }

    /** A solid line in the colour given by the line's position. */
    public static Style auto() {
        return new Style(-1, false, false, WIDTH);
    }

    /** A solid line in palette colour {@code colour}. */
    public static Style solid(int colour) {
        return new Style(colour, false, false, WIDTH);
    }

    /** A dashed line in palette colour {@code colour}. */
    public static Style dashed(int colour) {
        return new Style(colour, true, false, WIDTH);
    }

    /** This style with a marker at every point. */
    public Style withMarkers() {
        return new Style(colour, dashed, true, width);
    }

    /** This style with stroke width {@code w}. */
    public Style withWidth(float w) {
        return new Style(colour, dashed, markers, w);
    }
}
