package org.rnngradients.bptt.experiments;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Minimal {@code key=value} command-line options with defaults, for the experiment mains. */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    Args(String[] args, int from) {
        for (int k = from; k < args.length; k++) {
            int eq = args[k].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments must be key=value, was " + args[k]);
            }
            values.put(args[k].substring(0, eq), args[k].substring(eq + 1));
        }
    }

    /** The results directory: {@code out=…}, by default {@code bptt/experiments/results} (the book reads it). */
    Path outputDirectory() {
        return Path.of(string("out", "bptt/experiments/results"));
    }

    String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    long longValue(String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    double real(String key, double fallback) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
    }

    int[] integers(String key, String fallback) {
        String[] parts = string(key, fallback).split(",");
        int[] out = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            out[k] = Integer.parseInt(parts[k].trim());
        }
        return out;
    }
}
