package org.rnngradients.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rnngradients.linalg.internal.Require;

/**
 * The n-point Gauss–Hermite rule for a standard normal expectation, E[f(z)] ≈ Σ_i w_i f(z_i) with
 * z ~ N(0, 1): exact when f is a polynomial of degree ≤ 2n − 1, and exponentially accurate for f
 * analytic in a strip around the real axis (the error grows as the strip narrows).
 *
 * <p>Nodes and weights come from the Golub–Welsch construction: the z_i are the eigenvalues of the
 * symmetric tridiagonal Jacobi matrix of the probabilists' Hermite polynomials (zero diagonal,
 * off-diagonal √1, √2, …, √(n−1)), and w_i is the squared first component of the i-th unit
 * eigenvector. The eigenproblem is solved by EJML; the rule is then made exactly symmetric
 * (z_i = −z_{n−1−i}, equal weights) and its weights normalised to sum to one. Rules are immutable and
 * cached per order, so they can be shared between threads. A weight is an eigenvector component squared,
 * so the tiny weights of the outermost nodes (below 1e-16) are accurate absolutely rather than
 * relatively: harmless for bounded integrands such as tanh², not for moments of very high degree.
 */
public final class GaussHermite {
    /** The largest order offered: EJML's dense eigensolver costs O(n³), about a second at this size. */
    public static final int MAX_ORDER = 1024;

    private static final Map<Integer, GaussHermite> CACHE = new ConcurrentHashMap<>();

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The rule with {@code order} points, 1 ≤ order ≤ {@link #MAX_ORDER}. */
    public static GaussHermite of(int order) {
        Require.inRange(order, 1, MAX_ORDER, "order");
        return CACHE.computeIfAbsent(order, GaussHermite::golubWelsch);
    }

    // tag::golub-welsch[]
    /** Nodes = eigenvalues of the Jacobi matrix J (J_{k−1,k} = J_{k,k−1} = √k); weights = (first eigenvector component)². */
    private static GaussHermite golubWelsch(int n) {
        DMatrixRMaj jacobi = new DMatrixRMaj(n, n);
        for (int k = 1; k < n; k++) {
            jacobi.unsafe_set(k - 1, k, Math.sqrt(k));
            jacobi.unsafe_set(k, k - 1, Math.sqrt(k));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(jacobi)) {
            throw new ArithmeticException("the Jacobi matrix of order " + n + " did not decompose");
        }
        double[][] pairs = new double[n][];
        for (int i = 0; i < n; i++) {
            double v0 = eig.getEigenVector(i).get(0);
            pairs[i] = new double[] {eig.getEigenvalue(i).real, v0 * v0};
        }
        Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
        return symmetrised(pairs);
    }
    // end::golub-welsch[]

    /** Averages each node with its mirror image, so odd moments vanish exactly, and normalises the weights. */
    private static GaussHermite symmetrised(double[][] sorted) {
        int n = sorted.length;
        double[] z = new double[n];
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int mirror = n - 1 - i;
            z[i] = 0.5 * (sorted[i][0] - sorted[mirror][0]);
            w[i] = 0.5 * (sorted[i][1] + sorted[mirror][1]);
            total += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return new GaussHermite(z, w);
    }

    /** The number of points n. */
    public int order() {
        return nodes.length;
    }

    /** Node z_i (ascending in i, 0-based). */
    public double node(int i) {
        return nodes[Require.inRange(i, 0, nodes.length - 1, "i")];
    }

    /** Weight w_i (the weights are positive and sum to one). */
    public double weight(int i) {
        return weights[Require.inRange(i, 0, weights.length - 1, "i")];
    }

    // tag::gauss-hermite-expectation[]
    /** E[f(z)], z ~ N(0, 1), as Σ_i w_i f(z_i), summed in node order. */
    public double expectation(DoubleUnaryOperator f) {
        Require.nonNull(f, "f");
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(nodes[i]);
        }
        return sum;
    }
    // end::gauss-hermite-expectation[]
}
