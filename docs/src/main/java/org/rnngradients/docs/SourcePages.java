package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of the source files the book links to, shipped with the book as plain HTML pages under
 * {@code src/} (one per file, path kept): every line has an anchor {@code L<n>}, every tagged region an anchor
 * {@code tag-<name>} that is highlighted when targeted, every method an anchor {@code m-<name>}. Listings,
 * figures and ledger rows link to them, so a reader offline can open the whole file a snippet came from.
 */
public final class SourcePages {

    /** The modules whose sources the book may link to, in dependency order. */
    static final List<String> MODULES = List.of("linalg", "cells", "bptt", "analysis", "docs");
    private static final Pattern TAG = Pattern.compile("//\\s*(tag|end)::([a-z0-9-]+)\\[\\]");
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final|"
            + "synchronized|abstract)\\s+)*(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ]+\\s+(\\w+)\\s*\\(");

    private final Path root;
    private final Path book;
    private final Map<String, Path> pages = new TreeMap<>();

    /** Pages for files under project {@code root}, written under {@code book}/src. */
    public SourcePages(Path root, Path book) {
        if (root == null || book == null) {
            throw new IllegalArgumentException("root and book must not be null");
        }
        this.root = root;
        this.book = book;
    }

    /** The project root the source paths are relative to. */
    Path root() {
        return root;
    }

    /** The book folder (the one holding index.html). */
    Path book() {
        return book;
    }

    /** The link to the page of {@code file} (relative to the project root), registering it; {@code anchor} may be null. */
    public String link(String file, String anchor) {
        Path source = root.resolve(file);
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no source file " + file + " under " + root);
        }
        pages.put(file, source);
        return href(file) + (anchor == null ? "" : "#" + anchor);
    }

    /** The link to the main or test source of {@code type}, found in one of {@link #MODULES}. */
    public String classLink(Class<?> type) {
        return link(sourceOf(type.getName()), null);
    }

    /** The project-relative path of the source of the top-level class {@code className}. */
    String sourceOf(String className) {
        String relative = className.replace('.', '/') + ".java";
        for (String module : MODULES) {
            for (String set : new String[] {"src/main/java/", "src/test/java/"}) {
                String file = module + "/" + set + relative;
                if (Files.isRegularFile(root.resolve(file))) {
                    return file;
                }
            }
        }
        throw new IllegalArgumentException("no source for " + className + " in " + MODULES);
    }

    /** The project-relative path of the test class {@code simpleName}, searched in every module's test sources. */
    String testSource(String simpleName) {
        List<String> found = new java.util.ArrayList<>();
        for (String module : MODULES) {
            Path tests = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (java.util.stream.Stream<Path> s = Files.walk(tests)) {
                s.filter(p -> p.getFileName().toString().equals(simpleName + ".java"))
                 .forEach(p -> found.add(root.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("test class " + simpleName + " must exist once in " + MODULES + ", found " + found);
        }
        return found.get(0);
    }

    /** The page's path relative to the book page. */
    static String href(String file) {
        return "src/" + file + ".html";
    }

    /** Writes every registered page; returns how many. */
    public int write() {
        try {
            for (var e : pages.entrySet()) {
                Path out = book.resolve(href(e.getKey()));
                Files.createDirectories(out.getParent());
                Files.writeString(out, page(e.getKey(), Files.readAllLines(e.getValue(), StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages.size();
    }

    /** The HTML page of {@code file} with the given lines. */
    static String page(String file, List<String> lines) {
        String up = "../".repeat((int) href(file).chars().filter(c -> c == '/').count());
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(file)).append("</title><style>")
                .append("body{margin:0;font-family:'DejaVu Sans',sans-serif;color:#222}")
                .append("header{padding:.6em 1em;background:#f4f4f2;border-bottom:1px solid #ddd}")
                .append("pre{margin:0;padding:1em;overflow-x:auto;font:13px/1.45 'DejaVu Sans Mono',monospace}")
                .append(".n{display:inline-block;width:3.5em;color:#999;user-select:none}")
                .append(".region:target{background:#fff4c2;outline:1px solid #e0c060}")
                .append("</style></head><body><header><a href=\"").append(up).append("index.html\">Back to the book</a> · <code>")
                .append(escape(file)).append("</code></header><pre>");
        int open = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher tag = TAG.matcher(line);
            if (tag.find() && tag.group(1).equals("end") && open > 0) {
                sb.append("</span>");
                open--;
            }
            Matcher method = METHOD.matcher(line);
            String id = method.find() && !line.contains(" new ") && !line.trim().startsWith("return")
                    ? " id=\"m-" + method.group(1) + "\"" : "";
            if (!id.isEmpty() && sb.indexOf(id) >= 0) {
                id = "";                                                  // overloads: the first one keeps the anchor
            }
            sb.append("<span id=\"L").append(i + 1).append("\"><span class=\"n\">").append(i + 1).append("</span>")
              .append("<span").append(id).append(">").append(escape(line)).append("</span></span>\n");
            if (tag.reset().find() && tag.group(1).equals("tag")) {
                sb.append("<span class=\"region\" id=\"tag-").append(tag.group(2)).append("\">");
                open++;
            }
        }
        sb.append("</span>".repeat(open));
        return sb.append("</pre></body></html>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
