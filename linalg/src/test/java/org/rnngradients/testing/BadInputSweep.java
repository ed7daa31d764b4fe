package org.rnngradients.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A table of bad-input cases for the public API of one module, and the check that the table is complete.
 *
 * <p>Each row names a public member ({@link #method}, {@link #constructor}) with arguments it accepts, then lists
 * what must be refused: {@link Call#bad} replaces one argument and expects an {@link IllegalArgumentException} whose
 * message names that parameter (by its declared name, as a whole word) and shows the value; {@link Call#fails}
 * expects a typed exception a caller would catch; {@link Call#refuses} runs any call of the member. Every reference
 * parameter also gets a {@code null} case automatically, unless it is declared {@link Call#nullable} (an EJML-style
 * output that a null allocates). Every refusal must come from inside the member named by its row: the exception's
 * stack trace must pass through it, so a row cannot silently test a different method.
 *
 * <p>{@link #assertComplete()} fails for every public member of the module ({@link PublicApi}) that has no case and
 * no {@link #exempt exemption} with a reason, for a stale exemption, and for an exemption of a member that has cases.
 * Exempt without a listed reason are only the members nothing can be passed to badly: those without parameters,
 * {@code equals(Object)} (the contract accepts anything) and an enum's implicit {@code valueOf(String)}.
 */
public final class BadInputSweep {
    private final PublicApi api;
    private final List<Call> calls = new ArrayList<>();
    private final SortedMap<String, String> exemptions = new TreeMap<>();

    /** A sweep over the public API of the named module. */
    public BadInputSweep(String moduleName) {
        this.api = PublicApi.of(moduleName);
    }

    /** The API under test. */
    public PublicApi api() {
        return api;
    }

    /**
     * A static method, by name or by {@code name(T1,T2)} when overloads of the same arity accept the arguments, with
     * arguments it accepts.
     */
    public Call method(Class<?> owner, String name, Object... validArguments) {
        return add(new Call(owner, resolveMethod(owner, name, validArguments, true), null, validArguments));
    }

    /** An instance method of a fresh receiver from {@code receiver} (one per case), with arguments it accepts. */
    public <T> Call method(Class<T> owner, Supplier<? extends T> receiver, String name, Object... validArguments) {
        return add(new Call(owner, resolveMethod(owner, name, validArguments, false), receiver, validArguments));
    }

    /** A public constructor, with arguments it accepts (by {@code (T1,T2)} when overloads accept them). */
    public Call constructor(Class<?> owner, Object... validArguments) {
        return add(new Call(owner, resolveConstructor(owner, null, validArguments), null, validArguments));
    }

    /** A public constructor chosen by its parameter types, e.g. {@code "(int,int)"}. */
    public Call constructor(Class<?> owner, String parameters, Object... validArguments) {
        return add(new Call(owner, resolveConstructor(owner, parameters, validArguments), null, validArguments));
    }

    /** Exempts the member with this key ({@link PublicApi}'s form) from needing a case, for the stated reason. */
    public BadInputSweep exempt(String key, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exemption needs a reason: " + key);
        }
        if (exemptions.put(key, reason) != null) {
            throw new IllegalArgumentException("exempted twice: " + key);
        }
        return this;
    }

    /**
     * An argument made from the receiver of each case (a cache that must belong to the cell the case calls, say):
     * {@code type} is the value's type, for choosing the member.
     */
    public static <R, A> Object fromReceiver(Class<A> type, Function<R, ? extends A> make) {
        return new Derived(type, make);
    }

    /** An argument computed from the case's receiver. */
    private record Derived(Class<?> type, Function<?, ?> make) {
        @SuppressWarnings("unchecked")
        Object of(Object receiver) {
            return ((Function<Object, Object>) make).apply(receiver);
        }
    }

    private Call add(Call call) {
        calls.add(call);
        return call;
    }

    /** Every case, as a dynamic test named after its member and its bad argument. */
    public Stream<DynamicTest> cases() {
        return calls.stream().flatMap(Call::expand).map(c -> DynamicTest.dynamicTest(c.name(), c::check));
    }

    /** The number of cases. */
    public long count() {
        return calls.stream().mapToLong(c -> c.expand().count()).sum();
    }

    /**
     * Fails listing every public member without a case or an exemption, every exemption of a member that is not
     * public API (any more) and every exemption of a member that has cases; prints the counts.
     */
    public void assertComplete() {
        Set<String> covered = calls.stream().filter(c -> c.expand().findAny().isPresent()).map(c -> c.key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> problems = new ArrayList<>();
        int implicit = 0;
        for (Map.Entry<String, Executable> m : api.members().entrySet()) {
            if (!covered.contains(m.getKey()) && !exemptions.containsKey(m.getKey())) {
                if (nothingToPassBadly(m.getValue())) {
                    implicit++;
                } else {
                    problems.add("no bad-input case and no exemption: " + m.getKey());
                }
            }
        }
        for (String key : exemptions.keySet()) {
            if (!api.members().containsKey(key)) {
                problems.add("exemption of a member that is not public API: " + key);
            } else if (covered.contains(key)) {
                problems.add("exempt but it has cases: " + key);
            }
        }
        System.out.printf("bad-input sweep of %s: %d cases over %d members; %d members exempt with a reason, %d with"
                        + " nothing to pass badly (of %d public members)%n", api.module(), count(), covered.size(),
                exemptions.size(), implicit, api.members().size());
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems in the sweep of " + api.module() + ":\n  "
                + String.join("\n  ", problems));
    }

    /** No parameters, {@code equals(Object)}, or an enum's implicit {@code valueOf(String)}. */
    private static boolean nothingToPassBadly(Executable e) {
        if (e.getParameterCount() == 0) {
            return true;
        }
        if (e instanceof Method m) {
            Class<?>[] p = m.getParameterTypes();
            if (m.getName().equals("equals") && p.length == 1 && p[0] == Object.class) {
                return true;
            }
            return m.getName().equals("valueOf") && m.getDeclaringClass().isEnum() && p.length == 1 && p[0] == String.class
                    && Modifier.isStatic(m.getModifiers());
        }
        return false;
    }

    private Method resolveMethod(Class<?> owner, String spec, Object[] args, boolean wantStatic) {
        String name = spec.contains("(") ? spec.substring(0, spec.indexOf('(')) : spec;
        String parameters = spec.contains("(") ? spec.substring(spec.indexOf('(')) : null;
        List<Method> found = new ArrayList<>();
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && !m.isBridge() && Modifier.isStatic(m.getModifiers()) == wantStatic
                    && fits(m, parameters, args)) {
                found.add(m);
            }
        }
        Method m = single(owner, spec, found);
        if (!api.members().containsKey(PublicApi.key(owner, m))) {
            throw new IllegalArgumentException(PublicApi.key(owner, m) + " is not a public member of " + api.module());
        }
        return m;
    }

    private Constructor<?> resolveConstructor(Class<?> owner, String parameters, Object[] args) {
        List<Constructor<?>> found = new ArrayList<>();
        for (Constructor<?> c : owner.getConstructors()) {
            if (fits(c, parameters, args)) {
                found.add(c);
            }
        }
        return single(owner, "new" + (parameters == null ? "" : parameters), found);
    }

    private static <E extends Executable> E single(Class<?> owner, String spec, List<E> found) {
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " members of " + owner.getSimpleName() + " match " + spec
                    + " and its arguments: " + found);
        }
        return found.get(0);
    }

    private static boolean fits(Executable e, String parameters, Object[] args) {
        Class<?>[] p = e.getParameterTypes();
        if (parameters != null) {
            String own = Stream.of(p).map(PublicApi::typeName).collect(Collectors.joining(",", "(", ")"));
            if (!own.equals(parameters)) {
                return false;
            }
        }
        if (p.length != args.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!accepts(p[i], args[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(Class<?> type, Object value) {
        if (value instanceof Derived d) {
            return type.isAssignableFrom(d.type());
        }
        if (value == null) {
            return !type.isPrimitive();
        }
        if (!type.isPrimitive()) {
            return type.isInstance(value);
        }
        Map<Class<?>, Class<?>> boxes = Map.of(int.class, Integer.class, long.class, Long.class, double.class,
                Double.class, boolean.class, Boolean.class, float.class, Float.class, short.class, Short.class,
                byte.class, Byte.class, char.class, Character.class);
        return boxes.get(type).isInstance(value);
    }

    /** How a bad value shows in a message by default: the value, a matrix's shape or first non-finite entry. */
    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof DMatrixRMaj m) {
            for (int k = 0; k < m.getNumElements(); k++) {
                if (!Double.isFinite(m.data[k])) {
                    return Double.toString(m.data[k]);
                }
            }
            return m.numRows + "x" + m.numCols;
        }
        if (value instanceof double[] a) {
            for (double x : a) {
                if (!Double.isFinite(x)) {
                    return Double.toString(x);
                }
            }
            return Integer.toString(a.length);
        }
        if (value instanceof int[] a) {
            return Integer.toString(a.length);
        }
        if (value instanceof Object[] a) {
            return Stream.of(a).anyMatch(x -> x == null) ? "null" : Integer.toString(a.length);
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(x -> x == null) ? "null" : Integer.toString(l.size());
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new IllegalArgumentException("give the message fragments for a bad value of " + value.getClass());
    }

    /** A call that may throw anything. */
    @FunctionalInterface
    public interface Attempt {
        /** Makes the call. */
        void run() throws Throwable;
    }

    /** One row of the table: a member, arguments it accepts, and the bad variations it must refuse. */
    public final class Call {
        private final Class<?> owner;
        private final Executable member;
        private final Supplier<?> receiver;
        private final Object[] valid;
        private final String key;
        private final Set<String> nullable = new LinkedHashSet<>();
        private final List<Case> explicit = new ArrayList<>();

        private Call(Class<?> owner, Executable member, Supplier<?> receiver, Object[] valid) {
            this.owner = owner;
            this.member = member;
            this.receiver = receiver;
            this.valid = valid.clone();
            this.key = member instanceof Method m ? PublicApi.key(owner, m) : PublicApi.key((Constructor<?>) member);
            member.setAccessible(true);
            for (Parameter p : member.getParameters()) {
                if (!p.isNamePresent()) {
                    throw new IllegalStateException("compile with -parameters: " + key);
                }
            }
        }

        /** Parameters that accept null (an output argument that a null allocates, an optional setting). */
        public Call nullable(String... parameters) {
            for (String p : parameters) {
                index(p);
                nullable.add(p);
            }
            return this;
        }

        /**
         * {@code parameter} set to {@code value} must be refused with an IllegalArgumentException naming the
         * parameter and showing the value ({@link BadInputSweep#render}); or, given {@code fragments}, whose message
         * names {@code fragments[0]} as a whole word and contains the others.
         */
        public Call bad(String parameter, Object value, String... fragments) {
            return fails(IllegalArgumentException.class, parameter, value, fragments);
        }

        /** As {@link #bad}, expecting the given exception type (a typed exception a caller would catch). */
        public Call fails(Class<? extends Throwable> type, String parameter, Object value, String... fragments) {
            int i = index(parameter);
            String[] expected = fragments.length > 0 ? fragments : new String[] {parameter, render(value)};
            Object[] args = valid.clone();
            args[i] = value;
            explicit.add(new Case(parameter + "=" + label(value), type, () -> invoke(args), expected));
            return this;
        }

        /** Any call of this member, labelled, that must throw an IllegalArgumentException with these fragments. */
        public Call refuses(String label, Attempt attempt, String... fragments) {
            return refuses(label, IllegalArgumentException.class, attempt, fragments);
        }

        /** Any call of this member, labelled, that must throw {@code type} with these fragments. */
        public Call refuses(String label, Class<? extends Throwable> type, Attempt attempt, String... fragments) {
            explicit.add(new Case(label, type, attempt, fragments));
            return this;
        }

        /** A fresh receiver (for {@link #refuses} cases on an instance method); null for a static member. */
        public Object receiver() {
            return receiver == null ? null : receiver.get();
        }

        private int index(String parameter) {
            Parameter[] ps = member.getParameters();
            for (int i = 0; i < ps.length; i++) {
                if (ps[i].getName().equals(parameter)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(key + " has no parameter " + parameter);
        }

        private Object invoke(Object[] arguments) throws Throwable {
            Object self = member instanceof Method m && !Modifier.isStatic(m.getModifiers()) ? receiver.get() : null;
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Derived d) {
                    args[i] = d.of(self);
                }
            }
            try {
                if (member instanceof Method m) {
                    return m.invoke(self, args);
                }
                return ((Constructor<?>) member).newInstance(args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private Stream<Case> expand() {
            List<Case> all = new ArrayList<>();
            Parameter[] ps = member.getParameters();
            for (int i = 0; i < ps.length; i++) {
                if (!ps[i].getType().isPrimitive() && !nullable.contains(ps[i].getName())) {
                    Object[] args = valid.clone();
                    args[i] = null;
                    all.add(new Case(ps[i].getName() + "=null", IllegalArgumentException.class, () -> invoke(args),
                            new String[] {ps[i].getName(), "null"}));
                }
            }
            all.addAll(explicit);
            return all.stream().map(c -> c.of(this));
        }

        private String label(Object value) {
            try {
                String r = render(value);
                return value instanceof DMatrixRMaj ? "matrix " + r : r;
            } catch (IllegalArgumentException e) {
                return value.getClass().getSimpleName();
            }
        }

        /** Whether the frame is inside this member (its body, a lambda in it, or an override in a subtype). */
        private boolean inside(StackTraceElement frame) {
            String name = member instanceof Method ? member.getName() : "<init>";
            boolean lambda = frame.getMethodName().startsWith("lambda$");
            boolean sameName = frame.getMethodName().equals(name) || frame.getMethodName().startsWith("lambda$" + name + "$")
                    // an abstract method of a functional interface runs as a lambda body named after its factory
                    || lambda && Modifier.isAbstract(member.getModifiers());
            if (!sameName) {
                return false;
            }
            Class<?> c;
            try {
                c = Class.forName(frame.getClassName(), false, owner.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
            Class<?> declaring = member.getDeclaringClass();
            return related(c, owner) || related(c, declaring);
        }

        private boolean related(Class<?> frameClass, Class<?> type) {
            for (Class<?> k = frameClass; k != null; k = k.getEnclosingClass()) {
                if (type.isAssignableFrom(k) || k.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One case of a row. */
    private static final class Case {
        private final String label;
        private final Class<? extends Throwable> type;
        private final Attempt attempt;
        private final String[] fragments;
        private Call call;

        Case(String label, Class<? extends Throwable> type, Attempt attempt, String[] fragments) {
            this.label = label;
            this.type = type;
            this.attempt = attempt;
            this.fragments = fragments;
        }

        Case of(Call owner) {
            Case c = new Case(label, type, attempt, fragments);
            c.call = owner;
            return c;
        }

        String name() {
            return call.key + " refuses " + label;
        }

        void check() {
            Throwable thrown = null;
            try {
                attempt.run();
            } catch (Throwable t) {
                thrown = t;
            }
            if (thrown == null) {
                fail(name() + ": nothing was thrown, expected " + type.getSimpleName());
            }
            if (!type.isInstance(thrown)) {
                throw new AssertionFailedError(name() + ": expected " + type.getSimpleName() + ", was " + thrown, thrown);
            }
            String message = thrown.getMessage();
            if (fragments.length > 0) {
                if (message == null) {
                    throw new AssertionFailedError(name() + ": the exception has no message", thrown);
                }
                Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(fragments[0]) + "(?![\\w$])");
                if (!word.matcher(message).find()) {
                    throw new AssertionFailedError(name() + ": '" + message + "' does not name '" + fragments[0] + "'", thrown);
                }
                for (String f : Arrays.copyOfRange(fragments, 1, fragments.length)) {
                    if (!message.contains(f)) {
                        throw new AssertionFailedError(name() + ": '" + message + "' lacks '" + f + "'", thrown);
                    }
                }
            }
            boolean inside = Stream.of(thrown.getStackTrace()).anyMatch(call::inside);
            if (!inside) {
                throw new AssertionFailedError(name() + ": the exception was not thrown from inside " + call.key, thrown);
            }
        }
    }
}
