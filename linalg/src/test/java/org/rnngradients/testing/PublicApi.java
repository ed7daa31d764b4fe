package org.rnngradients.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one of this project's modules, read by reflection from its compiled descriptor: every public
 * constructor and method of every public type (nested ones included) in the packages the module exports (to anyone
 * or to a friend module), keyed by a readable signature such as {@code MatrixProducts.mult(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)}
 * or {@code new PositiveQr(int,int)}. A public method a public type inherits from a non-public class of the module
 * (say, a cell's {@code step} from its package-private base) counts as a member of the public type.
 */
public final class PublicApi {
    private final String module;
    private final Set<String> packages;
    private final Set<String> allPackages;
    private final SortedMap<String, Executable> members;
    private final List<Class<?>> types;

    private PublicApi(String module, Set<String> packages, Set<String> allPackages, List<Class<?>> types) {
        this.module = module;
        this.packages = packages;
        this.allPackages = allPackages;
        this.types = types;
        this.members = Collections.unmodifiableSortedMap(collect(types));
    }

    /** The API of the named module, whose classes must be on the test class path. */
    public static PublicApi of(String moduleName) {
        try {
            for (URL url : Collections.list(PublicApi.class.getClassLoader().getResources("module-info.class"))) {
                ModuleDescriptor d;
                try (InputStream in = url.openStream()) {
                    d = ModuleDescriptor.read(in);
                }
                if (d.name().equals(moduleName)) {
                    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source)
                            .collect(Collectors.toCollection(TreeSet::new));
                    return new PublicApi(moduleName, exported, d.packages(), publicTypes(url, exported));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the descriptor of " + moduleName, e);
        }
        throw new IllegalStateException("module " + moduleName + " is not on the test class path");
    }

    /** The module's name. */
    public String module() {
        return module;
    }

    /** The exported packages (unqualified and qualified exports). */
    public Set<String> packages() {
        return packages;
    }

    /** The public types of the exported packages, nested ones included. */
    public List<Class<?>> types() {
        return types;
    }

    /** Every public member, by key. */
    public SortedMap<String, Executable> members() {
        return members;
    }

    /** Whether {@code type} is one of the module's exported public types. */
    public boolean isExportedType(Class<?> type) {
        return types.contains(type);
    }

    /** The key of a constructor: {@code new Owner(T1,T2)}. */
    public static String key(Constructor<?> c) {
        return "new " + typeName(c.getDeclaringClass()) + parameters(c);
    }

    /** The key of a method reached through the public type {@code owner}: {@code Owner.name(T1,T2)}. */
    public static String key(Class<?> owner, Method m) {
        return typeName(owner) + "." + m.getName() + parameters(m);
    }

    /** A type's name without its package, outer classes joined by dots ({@code TruncatedBptt.Mode}, {@code double[]}). */
    public static String typeName(Class<?> type) {
        if (type.isArray()) {
            return typeName(type.getComponentType()) + "[]";
        }
        if (type.isPrimitive() || type.getPackageName().isEmpty()) {
            return type.getName();
        }
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    private static String parameters(Executable e) {
        return Stream.of(e.getParameterTypes()).map(PublicApi::typeName).collect(Collectors.joining(",", "(", ")"));
    }

    private SortedMap<String, Executable> collect(List<Class<?>> publicTypes) {
        SortedMap<String, Executable> m = new TreeMap<>();
        for (Class<?> t : publicTypes) {
            for (Constructor<?> c : t.getConstructors()) {
                m.put(key(c), c);
            }
            for (Method method : t.getMethods()) {
                Class<?> declaring = method.getDeclaringClass();
                boolean ours = allPackages.contains(declaring.getPackageName());
                if (ours && !method.isSynthetic() && (declaring == t || !publicTypes.contains(declaring))) {
                    m.putIfAbsent(key(t, method), method);
                }
            }
        }
        return m;
    }

    private static List<Class<?>> publicTypes(URL descriptor, Set<String> exported) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        URI uri = descriptor.toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                names.addAll(classNames(fs.getPath("/"), exported));
            }
        } else {
            names.addAll(classNames(Path.of(uri).getParent(), exported));
        }
        List<Class<?>> result = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            Class<?> c;
            try {
                c = Class.forName(name, false, PublicApi.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (isPublicAll(c) && !c.isAnonymousClass() && !c.isSynthetic()) {
                result.add(c);
            }
        }
        return result;
    }

    /** Public, and every enclosing class public too. */
    private static boolean isPublicAll(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> classNames(Path root, Set<String> exported) throws IOException {
        List<String> names = new ArrayList<>();
        for (String p : exported) {
            Path dir = root.resolve(p.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class"))
                        .filter(f -> !f.equals("package-info.class"))
                        .forEach(f -> names.add(p + "." + f.substring(0, f.length() - ".class".length())));
            }
        }
        return names;
    }
}
