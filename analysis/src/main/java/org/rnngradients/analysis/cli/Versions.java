package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions recorded in every manifest: the project, its main libraries and the Java runtime. */
final class Versions {
    private Versions() {
    }

    /** The project's version, from the build (e.g. 0.1.0-SNAPSHOT). */
    static String project() {
        return all().get("rnn-gradients");
    }

    /** Name → version, in a fixed order: rnn-gradients, java, java.vendor, then the libraries. */
    static Map<String, String> all() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("rnn-gradients", p.getProperty("version", "unknown"));
        v.put("java", System.getProperty("java.version"));
        v.put("java.vendor", System.getProperty("java.vendor"));
        for (String lib : new String[] {"ejml", "picocli", "jfreechart", "jfreesvg", "commons-csv"}) {
            v.put(lib, p.getProperty(lib, "unknown"));
        }
        return v;
    }
}
