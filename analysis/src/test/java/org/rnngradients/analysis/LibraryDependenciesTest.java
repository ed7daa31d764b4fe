package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A project that depends on rnn-gradients-analysis gets cells (and through it linalg and EJML) and nothing else:
 * every other compile dependency of this module's pom serves the CLI and is optional.
 */
class LibraryDependenciesTest {

    @Test
    void onlyCellsIsATransitiveDependency() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element dependencies = (Element) pom.getDocumentElement().getElementsByTagName("dependencies").item(0);
        NodeList list = dependencies.getElementsByTagName("dependency");
        Map<String, String> scopes = new TreeMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            String scope = text(d, "scope", "compile");
            String optional = text(d, "optional", "false");
            if (!scope.equals("test")) {
                scopes.put(text(d, "artifactId", ""), optional.equals("true") ? "optional" : scope);
            }
        }
        assertEquals(Map.of("rnn-gradients-cells", "compile", "rnn-gradients-bptt", "optional", "picocli", "optional",
                "jfreechart", "optional", "org.jfree.svg", "optional", "commons-csv", "optional"), scopes);
    }

    private static String text(Element e, String tag, String fallback) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? fallback : n.item(0).getTextContent().strip();
    }
}
