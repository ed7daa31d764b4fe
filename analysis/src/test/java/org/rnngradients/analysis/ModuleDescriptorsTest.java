package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled descriptors (the tests themselves run on the class path): each
 * module exports exactly its API packages and keeps the rest internal, and the analysis library (packages
 * {@code org.rnngradients.analysis} and {@code ...analysis.io}) imports nothing beyond linalg, cells and EJML.
 */
class ModuleDescriptorsTest {

    /** The compiled descriptors of this project's modules on the test class path, by module name. */
    private static Map<String, ModuleDescriptor> descriptors() throws IOException {
        Map<String, ModuleDescriptor> m = new TreeMap<>();
        for (URL url : Collections.list(ModuleDescriptorsTest.class.getClassLoader().getResources("module-info.class"))) {
            try (InputStream in = url.openStream()) {
                ModuleDescriptor d = ModuleDescriptor.read(in);
                if (d.name().startsWith("org.rnngradients.")) {
                    m.put(d.name(), d);
                }
            }
        }
        return m;
    }

    /** "package" for an unqualified export, "package to m1,m2" for a qualified one. */
    private static Set<String> exports(ModuleDescriptor d) {
        return d.exports().stream().map(e -> e.source() + (e.isQualified() ? " to " + String.join(",",
                new TreeSet<>(e.targets())) : "")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> internal(ModuleDescriptor d) {
        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        return d.packages().stream().filter(p -> !exported.contains(p)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyModuleExportsExactlyItsApiPackages() throws IOException {
        Map<String, ModuleDescriptor> d = descriptors();
        assertEquals(Set.of("org.rnngradients.linalg", "org.rnngradients.cells", "org.rnngradients.bptt",
                "org.rnngradients.analysis"), d.keySet());
        assertEquals(Set.of("org.rnngradients.linalg", "org.rnngradients.linalg.internal to org.rnngradients.analysis,"
                + "org.rnngradients.bptt,org.rnngradients.cells"), exports(d.get("org.rnngradients.linalg")));
        assertEquals(Set.of("org.rnngradients.cells"), exports(d.get("org.rnngradients.cells")));
        assertEquals(Set.of("org.rnngradients.bptt", "org.rnngradients.bptt.clip", "org.rnngradients.bptt.floss", "org.rnngradients.bptt.loss",
                "org.rnngradients.bptt.optim", "org.rnngradients.bptt.tasks", "org.rnngradients.bptt.train"),
                exports(d.get("org.rnngradients.bptt")));
        assertEquals(Set.of("org.rnngradients.analysis", "org.rnngradients.analysis.io", "org.rnngradients.analysis.plot",
                "org.rnngradients.analysis.sweep",
                "org.rnngradients.analysis.cli.csv to org.rnngradients.docs"), exports(d.get("org.rnngradients.analysis")));
    }

    @Test
    void theCommandLineIsTheOnlyInternalPackageAndOpenOnlyToPicocli() throws IOException {
        Map<String, ModuleDescriptor> d = descriptors();
        ModuleDescriptor analysis = d.get("org.rnngradients.analysis");
        assertEquals(Set.of("org.rnngradients.analysis.cli"), internal(analysis));
        for (String m : new String[] {"org.rnngradients.linalg", "org.rnngradients.cells", "org.rnngradients.bptt"}) {
            assertEquals(Set.of(), internal(d.get(m)), m + " has no package outside its API");
        }
        assertEquals(1, analysis.opens().size());
        ModuleDescriptor.Opens opens = analysis.opens().iterator().next();
        assertEquals("org.rnngradients.analysis.cli", opens.source());
        assertEquals(Set.of("info.picocli"), opens.targets());
    }

    @Test
    void theCommandLinesDependenciesAreStaticRequires() throws IOException {
        ModuleDescriptor analysis = descriptors().get("org.rnngradients.analysis");
        Set<String> plain = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        for (ModuleDescriptor.Requires r : analysis.requires()) {
            if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED)) {
                continue;
            }
            (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) ? optional : plain).add(r.name());
        }
        assertEquals(Set.of("org.rnngradients.cells"), plain, "the library needs cells (and through it linalg, EJML)");
        assertTrue(optional.containsAll(Set.of("org.rnngradients.bptt", "info.picocli", "org.jfree.jfreechart",
                "org.jfree.svg", "org.apache.commons.csv")), optional.toString());
    }

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    @Test
    void theAnalysisLibraryImportsOnlyLinalgCellsAndEjml() throws IOException {
        Set<String> foreign = new TreeSet<>();
        for (String pkg : new String[] {"org/rnngradients/analysis", "org/rnngradients/analysis/io",
                "org/rnngradients/analysis/sweep"}) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java").resolve(pkg))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    while (m.find()) {
                        String imported = m.group(1);
                        if (!imported.matches("java\\..*|org\\.ejml\\..*|org\\.rnngradients\\.(linalg|cells|analysis)(\\..*)?")
                                || imported.startsWith("org.rnngradients.analysis.cli")) {
                            foreign.add(f.getFileName() + ": " + imported);
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), foreign);
    }
}
