package org.rnngradients.docs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the book: plain decimals and scientific notation as HTML, locale-independent. */
public final class Formats {

    private static final String MINUS = "\u2212";

    private Formats() {
    }

    /** {@code x} rounded to {@code digits} significant digits, e.g. {@code 0.0282}; scientific when tiny or huge. */
    public static String sig(double x, int digits) {
        requireFinite(x);
        if (x != 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)) {
            return sci(x, digits);
        }
        BigDecimal b = new BigDecimal(x).round(new MathContext(digits));
        return minus(b.stripTrailingZeros().toPlainString().equals("0") ? "0" : b.toPlainString());
    }

    /** {@code x} with {@code decimals} digits after the point. */
    public static String fixed(double x, int decimals) {
        requireFinite(x);
        return minus(String.format(Locale.ROOT, "%." + decimals + "f", x));
    }

    /** {@code x} as HTML scientific notation, e.g. {@code 7.98×10<sup>−4</sup>}. */
    public static String sci(double x, int digits) {
        requireFinite(x);
        if (x == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1));
        if (exponent == 0) {
            return minus(mantissa);
        }
        return minus(mantissa) + "\u00d710<sup>" + minus(Integer.toString(exponent)) + "</sup>";
    }

    /** {@code x} in AsciiDoc markup: plain when moderate, else {@code 7.98×10^−4^}. */
    public static String adoc(double x, int digits) {
        return sig(x, digits).replace("<sup>", "^").replace("</sup>", "^");
    }

    /**
     * An identifier or path as HTML code that may break at its joints: after '/', '#' and '.', and before an
     * upper-case letter that follows a lower-case one (camelCase humps), never inside a word.
     */
    public static String breakableCode(String identifier) {
        StringBuilder sb = new StringBuilder("<code>");
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(identifier.charAt(i - 1))) {
                sb.append("<wbr>");
            }
            sb.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : String.valueOf(c));
            if (c == '/' || c == '#' || c == '.') {
                sb.append("<wbr>");
            }
        }
        return sb.append("</code>").toString();
    }

    /** An HTML link around {@link #breakableCode}. */
    public static String codeLink(String href, String identifier) {
        return "<a href=\"" + href + "\">" + breakableCode(identifier) + "</a>";
    }

    private static String minus(String s) {
        return s.replace("-", MINUS);
    }

    private static void requireFinite(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, was " + x);
        }
    }
}
