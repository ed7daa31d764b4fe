package org.rnngradients.analysis.plot;

import java.awt.Color;

/**
 * The eight line colours of every chart, chosen to stay apart for common colour-vision deficiencies
 * (red, blue, green, purple, ochre, slate, teal, black), and the grey of bands and grid lines.
 */
public final class Palette {

    private static final Color[] COLOURS = {
        new Color(0xC0392B), new Color(0x2471A3), new Color(0x1E8449), new Color(0x7D3C98),
        new Color(0xB9770E), new Color(0x566573), new Color(0x17A589), new Color(0x000000)
    };

    /** Index of black, for baselines and reference lines. */
    public static final int BLACK = 7;
    /** Index of slate grey. */
    public static final int GREY = 5;

    /** The grid lines' colour. */
    static final Color GRID = new Color(0xDDDDDD);

    private Palette() {
    }

    /** Number of distinct colours; index {@code i} and {@code i + size()} are the same colour. */
    public static int size() {
        return COLOURS.length;
    }

    /** Colour {@code i} (taken modulo {@link #size()}); {@code i} must be at least zero. */
    public static Color colour(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("colour index must be >= 0, was " + i);
        }
        return COLOURS[i % COLOURS.length];
    }
}
