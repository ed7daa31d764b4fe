package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;

/**
 * The implementation that runs the hot kernels ({@link MatrixProducts}, {@link ResidentMatrix},
 * {@link PositiveQr}, {@link SingularValues}, {@link Eigenvalues}): chosen once per JVM, on first use.
 *
 * <ul>
 *   <li>{@code native}: OpenBLAS and its LAPACK (the {@code org.bytedeco:openblas} jars, which ship the
 *       library). Products too small to repay the call into native code still run on the Java kernels; the
 *       choice depends on the shapes only, so results are deterministic (see {@link NativeThresholds}).</li>
 *   <li>{@code java}: EJML on the calling thread.</li>
 * </ul>
 *
 * The system property {@value #PROPERTY} ({@code native} or {@code java}) decides, else the environment
 * variable {@value #ENVIRONMENT}, else native when OpenBLAS loads and java otherwise. A requested native
 * backend that does not load is an error, not a silent fallback. OpenBLAS runs {@value #THREADS_PROPERTY}
 * (or {@value #THREADS_ENVIRONMENT}) threads, default 1, so that results are bit-reproducible unless more
 * threads are asked for; each backend is bit-deterministic for a fixed thread count. The choice is logged
 * once ({@link System.Logger}, INFO) with the reason.
 */
public final class Backend {
    /** System property naming the backend: {@code native} or {@code java}. */
    public static final String PROPERTY = "rnngradients.backend";
    /** Environment variable read when {@link #PROPERTY} is not set. */
    public static final String ENVIRONMENT = "RNNGRADIENTS_BACKEND";
    /** System property giving the number of OpenBLAS threads (a positive integer; default 1). */
    public static final String THREADS_PROPERTY = "rnngradients.threads";
    /** Environment variable read when {@link #THREADS_PROPERTY} is not set. */
    public static final String THREADS_ENVIRONMENT = "RNNGRADIENTS_THREADS";
    /** The most threads accepted (OpenBLAS's build allows 64). */
    static final int MAX_THREADS = 64;

    private static volatile Backend current;

    private final String name;
    private final String library;
    private final Kernels kernels;
    private volatile int threads;
    private String reason = "";

    private Backend(String name, String library, Kernels kernels, int threads) {
        this.name = name;
        this.library = library;
        this.kernels = kernels;
        this.threads = threads;
    }

    /**
     * The backend of this JVM, selected on the first call.
     *
     * @throws IllegalArgumentException if {@value #PROPERTY}, {@value #ENVIRONMENT}, {@value #THREADS_PROPERTY}
     *                                  or {@value #THREADS_ENVIRONMENT} holds a value that is not allowed
     * @throws IllegalStateException    if the native backend was requested and OpenBLAS does not load
     */
    public static Backend current() {
        Backend b = current;
        return b != null ? b : select();
    }

    private static synchronized Backend select() {
        if (current == null) {
            int threads = threadCount(System.getProperty(THREADS_PROPERTY), System.getenv(THREADS_ENVIRONMENT));
            current = create(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), threads);
            System.getLogger(Backend.class.getName()).log(System.Logger.Level.INFO,
                    "rnn-gradients linalg backend: " + current.description() + "; " + current.reason);
        }
        return current;
    }

    /** The backend the given settings select (property first, then environment; null when unset). */
    static Backend create(String property, String environment, int threads) {
        String requested = requested(property, environment);
        String source = property != null ? "system property " + PROPERTY + "=" + property
                : "environment variable " + ENVIRONMENT + "=" + environment;
        if ("java".equals(requested)) {
            return java().because("requested by " + source);
        }
        OpenBlas.Loaded loaded = OpenBlas.load();
        if (loaded.failure() != null) {
            if ("native".equals(requested)) {
                throw new IllegalStateException("native backend requested by " + source
                        + " but OpenBLAS did not load: " + loaded.failure(), loaded.cause());
            }
            return java().because("OpenBLAS did not load (" + loaded.failure() + "), so the Java kernels run");
        }
        OpenBlas.setThreads(threads);
        Backend b = new Backend("native", loaded.description(), new NativeKernels(), threads);
        return b.because(requested == null ? "default: OpenBLAS loaded" : "requested by " + source);
    }

    private static Backend java() {
        return new Backend("java", "EJML " + org.ejml.EjmlVersion.VERSION, new JavaKernels(), 1);
    }

    private Backend because(String why) {
        this.reason = why;
        return this;
    }

    /** {@code native}, {@code java} or null (nothing set); anything else is refused, naming where it came from. */
    static String requested(String property, String environment) {
        if (property != null) {
            return backendName(property, "system property " + PROPERTY);
        }
        return environment == null ? null : backendName(environment, "environment variable " + ENVIRONMENT);
    }

    private static String backendName(String value, String what) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("native") && !v.equals("java")) {
            throw new IllegalArgumentException(what + " must be native or java, was '" + value + "'");
        }
        return v;
    }

    /** The thread count the settings ask for: property first, then environment, default 1. */
    static int threadCount(String property, String environment) {
        if (property != null) {
            return threadValue(property, "system property " + THREADS_PROPERTY);
        }
        return environment == null ? 1 : threadValue(environment, "environment variable " + THREADS_ENVIRONMENT);
    }

    private static int threadValue(String value, String what) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException(what + " must be an integer in [1, " + MAX_THREADS + "], was '"
                    + value + "'");
        }
        return n;
    }

    /** {@code java} or {@code native}. */
    public String name() {
        return name;
    }

    /** The number of threads the kernels use: OpenBLAS's thread count, or 1 for the Java kernels. */
    public int threads() {
        return threads;
    }

    /** A one-line description for logs and manifests (backend, library, version, core, threads). */
    public String description() {
        return name + ": " + library + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** Why this backend was chosen (the property, the variable, or the default and whether OpenBLAS loaded). */
    public String reason() {
        return reason;
    }

    /**
     * Test hook: sets OpenBLAS's thread count on the native backend and returns the previous count (the Java
     * backend keeps 1 and ignores the call). Callers restore the previous value when done.
     */
    static int useThreads(int n) {
        Backend b = current();
        int previous = b.threads;
        if (b.kernels instanceof NativeKernels) {
            OpenBlas.setThreads(Require.inRange(n, 1, MAX_THREADS, "n"));
            b.threads = n;
        }
        return previous;
    }

    Kernels kernels() {
        return kernels;
    }

    @Override
    public String toString() {
        return description();
    }

    /** The operations a backend implements; arguments are already checked. */
    interface Kernels {
        /** c = α·op(a)·op(b) + β·c for op(a) m × k, op(b) k × n, with m, n, k ≥ 1 and α ≠ 0. */
        void gemm(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB, double beta,
                  DMatrixRMaj c, int m, int n, int k);

        Resident resident(DMatrixRMaj source);

        /** A QR workspace for rows × cols inputs (rows ≥ cols ≥ 1). */
        Qr qr(int rows, int cols);

        /** A singular-value workspace for rows × cols inputs. */
        Svd singularValues(int rows, int cols);

        /** An eigenvalue workspace for n × n inputs. */
        Eig eigenvalues(int n);
    }

    /** A backend's copy of a matrix. */
    interface Resident {
        void upload(DMatrixRMaj source);

        /** c = α·op(A)·b + β·c with b having at least one column and α ≠ 0. */
        void gemm(double alpha, boolean transpose, DMatrixRMaj b, double beta, DMatrixRMaj c);

        void close();
    }

    /** Thin Householder QR, any signs on diag(R); the input is not modified and {@code q} may be {@code a}. */
    interface Qr {
        void decompose(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r);
    }

    /** The min(rows, cols) singular values, written in descending order; the input is not modified. */
    interface Svd {
        void compute(DMatrixRMaj a, double[] out);
    }

    /** The eigenvalues as real and imaginary parts, in no particular order; the input is not modified. */
    interface Eig {
        void compute(DMatrixRMaj a, double[] real, double[] imaginary);
    }
}
