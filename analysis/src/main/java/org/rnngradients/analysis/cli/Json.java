package org.rnngradients.analysis.cli;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A minimal JSON writer for the manifest: maps (in their iteration order), lists, strings, numbers,
 * booleans and null, pretty-printed with two-space indents.
 */
final class Json {
    private Json() {
    }

    /** {@code value} as JSON text ending in a newline. */
    static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(value, s, "");
        return s.append('\n').toString();
    }

    private static void write(Object value, StringBuilder s, String indent) {
        if (value == null) {
            s.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, s, indent);
        } else if (value instanceof List<?> list) {
            writeList(list, s, indent);
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            s.append(quote(d.toString()));
        } else if (value instanceof Number || value instanceof Boolean) {
            s.append(value);
        } else {
            s.append(quote(value.toString()));
        }
    }

    private static void writeMap(Map<?, ?> map, StringBuilder s, String indent) {
        writeItems('{', '}', map.entrySet(), s, indent, (e, inner) -> {
            s.append(quote(e.getKey().toString())).append(": ");
            write(e.getValue(), s, inner);
        });
    }

    private static void writeList(List<?> list, StringBuilder s, String indent) {
        writeItems('[', ']', list, s, indent, (v, inner) -> write(v, s, inner));
    }

    /** {@code items} one per line between {@code open} and {@code close}, each written by {@code item} at one more indent. */
    private static <T> void writeItems(char open, char close, Collection<T> items, StringBuilder s, String indent,
                                       BiConsumer<T, String> item) {
        if (items.isEmpty()) {
            s.append(open).append(close);
            return;
        }
        s.append(open).append('\n');
        int k = 0;
        for (T t : items) {
            s.append(indent).append("  ");
            item.accept(t, indent + "  ");
            s.append(++k < items.size() ? ",\n" : "\n");
        }
        s.append(indent).append(close);
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }
}
