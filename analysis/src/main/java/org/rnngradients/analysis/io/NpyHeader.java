package org.rnngradients.analysis.io;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed header of a {@code .npy} file: the dtype, the memory order and the shape, read from
 * the Python dict literal that NumPy writes, e.g.
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}.
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** The dtypes this reader accepts: little- or big-endian float64 and float32. */
    static final List<String> SUPPORTED = List.of("<f8", ">f8", "<f4", ">f4");

    /** Bytes per element: 8 for float64, 4 for float32. */
    int itemSize() {
        return descr.endsWith("8") ? 8 : 4;
    }

    /** The byte order of the stored values. */
    ByteOrder byteOrder() {
        return descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** The number of elements, the product of the shape (1 for a 0-D array). */
    long elements() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The dict literal for a C-order float64 array of {@code shape}, without padding. */
    static String literal(int[] shape) {
        return "{'descr': '<f8', 'fortran_order': False, 'shape': " + NpyArray.shapeString(shape) + ", }";
    }

    /** Parses the dict literal; throws IllegalArgumentException describing the first problem. */
    static NpyHeader parse(String text) {
        return new Parser(text).header();
    }

    /** A recursive-descent reader of the small subset of Python literals NumPy uses here. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        NpyHeader header() {
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            expect('{');
            while (peek() != '}') {
                String key = string();
                expect(':');
                switch (key) {
                    case "descr" -> descr = string();
                    case "fortran_order" -> fortran = bool();
                    case "shape" -> shape = tuple();
                    default -> throw new IllegalArgumentException("unexpected header key '" + key + "'");
                }
                separator('}');
            }
            pos++;
            if (descr == null || fortran == null || shape == null) {
                throw new IllegalArgumentException("header lacks one of 'descr', 'fortran_order', 'shape': " + s.strip());
            }
            return new NpyHeader(descr, fortran, shape);
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("a quoted string");
            }
            int end = s.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("a closing quote");
            }
            String value = s.substring(pos + 1, end);
            pos = end + 1;
            return value;
        }

        private boolean bool() {
            peek();
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw error("True or False");
        }

        private int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (peek() != ')') {
                dims.add(integer());
                separator(')');
            }
            pos++;
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private int integer() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("a non-negative integer");
            }
            long value;
            try {
                value = Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                value = Long.MAX_VALUE;
            }
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix
            }
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape dimension " + s.substring(start, pos) + " is too large");
            }
            return (int) value;
        }

        /** After an item: skips a ',' or stops before {@code close}; anything else is an error. */
        private void separator(char close) {
            if (peek() == ',') {
                pos++;
            } else if (peek() != close) {
                throw error("',' or '" + close + "'");
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        /** Skips white space and returns the next character, or 0 at the end. */
        private char peek() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private IllegalArgumentException error(String expected) {
            String found = pos < s.length() ? "'" + s.charAt(pos) + "'" : "end of header";
            return new IllegalArgumentException("bad header: expected " + expected + " at offset " + pos
                    + ", found " + found);
        }
    }
}
