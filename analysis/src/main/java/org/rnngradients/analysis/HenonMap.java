package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * The Hénon map (x, y) ↦ (1 − a x² + y, b x), a two-dimensional chaotic map with a published
 * Lyapunov spectrum (≈ 0.419 and ≈ −1.623 nats per step at a = 1.4, b = 0.3). Its Jacobian
 * [[−2a x, 1], [b, 0]] has constant determinant −b, so the exponents sum to ln|b| exactly: a test of
 * any Lyapunov code that is independent of the network modules.
 */
public final class HenonMap implements JacobianSource {
    /** The classical parameter a = 1.4. */
    public static final double CLASSICAL_A = 1.4;
    /** The classical parameter b = 0.3. */
    public static final double CLASSICAL_B = 0.3;

    private final double a;
    private final double b;
    private double x;
    private double y;

    /** The map with parameters {@code a}, {@code b} started at (x0, y0). */
    public HenonMap(double a, double b, double x0, double y0) {
        this.a = Require.finite(a, "a");
        this.b = Require.finite(b, "b");
        this.x = Require.finite(x0, "x0");
        this.y = Require.finite(y0, "y0");
    }

    /** The classical map (a = 1.4, b = 0.3) started at (0, 0), which lies in the attractor's basin. */
    public static HenonMap classical() {
        return new HenonMap(CLASSICAL_A, CLASSICAL_B, 0, 0);
    }

    @Override
    public int dimension() {
        return 2;
    }

    // tag::henon-step[]
    @Override
    public void advance(DMatrixRMaj jacobian) {
        Require.shape(jacobian, 2, 2, "jacobian");
        jacobian.set(0, 0, -2 * a * x);
        jacobian.set(0, 1, 1);
        jacobian.set(1, 0, b);
        jacobian.set(1, 1, 0);
        double next = 1 - a * x * x + y;
        y = b * x;
        x = next;
    }
    // end::henon-step[]

    /** The current x. */
    public double x() {
        return x;
    }

    /** The current y. */
    public double y() {
        return y;
    }
}
