package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.internal.Require;

/**
 * The validation and bookkeeping every cell shares, so that each concrete cell holds only its
 * equations. Public entry points check shapes, finiteness of the previous state and the input, the
 * cache's owner and the parameters' shapes, then call the cell's equation methods.
 *
 * <p>Non-finite parameters are caught on every forward step without a second pass over the weights:
 * since the previous state and the input are checked finite, and every weight and bias enters a gate
 * pre-activation (NaN·0 and ∞·0 are NaN), a NaN or ∞ parameter always shows up as a non-finite
 * pre-activation, an O(G·H) check. The exception then names the tensor and entry. Adjoints are
 * deliberately not checked for finiteness, so that an overflowing gradient reaches the caller
 * (which may clip or rescue it) instead of throwing.
 */
abstract class BaseCell implements RecurrentCell {
    private final int inputSize;
    private final int hiddenSize;
    private final int stateSize;
    private final int gateRows;
    private final CellParameters parameters;

    BaseCell(int gates, int inputSize, int hiddenSize, int stateSize) {
        this.inputSize = Require.positive(inputSize, "inputSize");
        this.hiddenSize = Require.positive(hiddenSize, "hiddenSize");
        this.stateSize = stateSize;
        this.gateRows = gates * hiddenSize;
        this.parameters = new CellParameters(gates, inputSize, hiddenSize);
    }

    @Override
    public final int inputSize() {
        return inputSize;
    }

    @Override
    public final int hiddenSize() {
        return hiddenSize;
    }

    @Override
    public final int stateSize() {
        return stateSize;
    }

    @Override
    public final CellParameters parameters() {
        return parameters;
    }

    /**
     * {@inheritDoc} The output {@code state} may be the same object as {@code previous}.
     *
     * @throws IllegalArgumentException naming the argument when a shape is wrong, {@code previous},
     *         {@code input} or a parameter holds NaN/Inf, or the cache belongs to another cell
     */
    @Override
    public final DMatrixRMaj forward(DMatrixRMaj previous, DMatrixRMaj input, StepCache cache, DMatrixRMaj state) {
        Require.columnVector(previous, stateSize, "previous");
        Require.finite(previous, "previous");
        Require.columnVector(input, inputSize, "input");
        Require.finite(input, "input");
        DMatrixRMaj out = vectorOutput(state, stateSize, "state");
        BaseCache c = own(cache);
        requireLayout(parameters, "parameters");
        c.keep(previous, input);
        c.filled = false;
        step(c, out);
        c.filled = true;
        return out;
    }

    /**
     * {@inheritDoc} {@code previousAdjoint} may be the same object as {@code adjoint} (each entry of
     * δ_t is read before it is overwritten), which lets a BPTT loop carry one buffer.
     */
    @Override
    public final DMatrixRMaj backward(StepCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint,
                                      DMatrixRMaj inputAdjoint, CellParameters gradients) {
        BaseCache c = filled(cache);
        Require.columnVector(adjoint, stateSize, "adjoint");
        DMatrixRMaj out = vectorOutput(previousAdjoint, stateSize, "previousAdjoint");
        if (inputAdjoint != null) {
            Require.columnVector(inputAdjoint, inputSize, "inputAdjoint");
            if (inputAdjoint == out) {
                throw new IllegalArgumentException("inputAdjoint must not be the same object as previousAdjoint");
            }
        }
        requireLayout(gradients, "gradients");
        requireLayout(parameters, "parameters");
        adjointStep(c, adjoint, out, inputAdjoint, gradients);
        return out;
    }

    /** {@inheritDoc} {@code previousAdjoint} may be the same object as {@code adjoint}. */
    @Override
    public final DMatrixRMaj backwardState(StepCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint) {
        BaseCache c = filled(cache);
        Require.columnVector(adjoint, stateSize, "adjoint");
        DMatrixRMaj out = vectorOutput(previousAdjoint, stateSize, "previousAdjoint");
        requireLayout(parameters, "parameters");
        adjointStep(c, adjoint, out, null, null);
        return out;
    }

    @Override
    public final DMatrixRMaj stateJacobian(StepCache cache, DMatrixRMaj out) {
        BaseCache c = filled(cache);
        DMatrixRMaj j = out == null ? new DMatrixRMaj(stateSize, stateSize) : Require.shape(out, stateSize, stateSize, "out");
        requireLayout(parameters, "parameters");
        stepJacobian(c, j);
        return j;
    }

    @Override
    public final DMatrixRMaj inputJacobian(StepCache cache, DMatrixRMaj out) {
        BaseCache c = filled(cache);
        DMatrixRMaj j = out == null ? new DMatrixRMaj(stateSize, inputSize) : Require.shape(out, stateSize, inputSize, "out");
        requireLayout(parameters, "parameters");
        inputStepJacobian(c, j);
        return j;
    }

    /** The output column {@code m} (checked n × 1), or a new one when null. */
    static DMatrixRMaj vectorOutput(DMatrixRMaj m, int n, String name) {
        return m == null ? new DMatrixRMaj(n, 1) : Require.columnVector(m, n, name);
    }

    /** Writes s_t into {@code state} from the copies of s_{t−1} and x_t already in {@code cache}. */
    abstract void step(BaseCache cache, DMatrixRMaj state);

    /** Writes ∂s_t/∂s_{t−1} into {@code out} (shape checked). */
    abstract void stepJacobian(BaseCache cache, DMatrixRMaj out);

    /** Writes ∂s_t/∂x_t into {@code out} (shape checked). */
    abstract void inputStepJacobian(BaseCache cache, DMatrixRMaj out);

    /** The vector–Jacobian products of one step (arguments checked; no parameter gradients when {@code gradients} is null). */
    abstract void adjointStep(BaseCache cache, DMatrixRMaj delta, DMatrixRMaj previousDelta,
                              DMatrixRMaj inputDelta, CellParameters gradients);

    /**
     * Throws unless every gate pre-activation in {@code a} is finite. With finite state and input
     * that can only fail through a NaN/∞ parameter (an {@link IllegalArgumentException} naming the
     * tensor and entry) or an overflow ({@link NonFiniteActivationException}).
     */
    final void requireFinitePreActivations(DMatrixRMaj a) {
        for (int k = 0; k < a.numRows; k++) {
            if (!Double.isFinite(a.data[k])) {
                parameters.requireFinite("parameters");
                throw new NonFiniteActivationException(k, 0, a.data[k]);
            }
        }
    }

    // tag::fused-pre-activation[]
    /** a = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh for every gate block at once, then checked finite. */
    final void fusedPreActivation(BaseCache c, DMatrixRMaj a) {
        VectorOps.affine(parameters.weightIh(), c.input, parameters.biasIh(), a);
        CommonOps_DDRM.multAdd(parameters.weightHh(), c.hPrevious, a);
        CommonOps_DDRM.addEquals(a, parameters.biasHh());
        requireFinitePreActivations(a);
    }
    // end::fused-pre-activation[]

    /** Copies the cached H-vector {@code cached} into {@code out} (H × 1, allocated when null) and returns it. */
    final DMatrixRMaj copyHidden(DMatrixRMaj cached, DMatrixRMaj out) {
        DMatrixRMaj o = vectorOutput(out, hiddenSize, "out");
        o.setTo(cached);
        return o;
    }

    /**
     * Adds the parameter gradients of a step with gate pre-activation adjoints {@code dIh}, {@code dHh}
     * (nothing for the state-only step, whose {@code gradients} is null).
     */
    final void accumulate(BaseCache c, DMatrixRMaj dIh, DMatrixRMaj dHh, CellParameters gradients) {
        if (gradients == null) {
            return;
        }
        VectorOps.addOuter(dIh, c.input, gradients.weightIh());
        VectorOps.addOuter(dHh, c.hPrevious, gradients.weightHh());
        CommonOps_DDRM.addEquals(gradients.biasIh(), dIh);
        CommonOps_DDRM.addEquals(gradients.biasHh(), dHh);
    }

    /** Returns the cache as this cell's own, or throws naming {@code cache}. */
    final BaseCache own(StepCache cache) {
        Require.nonNull(cache, "cache");
        if (!(cache instanceof BaseCache) || ((BaseCache) cache).owner != this) {
            throw new IllegalArgumentException("cache must come from this cell's newCache(), was " + cache);
        }
        return (BaseCache) cache;
    }

    /** Returns the cache as this cell's own, filled by a forward step, or throws naming {@code cache}. */
    final BaseCache filled(StepCache cache) {
        BaseCache c = own(cache);
        if (!c.filled) {
            throw new IllegalArgumentException("cache must be filled by forward before use, was empty");
        }
        return c;
    }

    /**
     * {@inheritDoc} The message names the tensor and entry, e.g.
     * {@code parameters.weight_hh must be finite, entry (0, 1) was NaN}.
     */
    @Override
    public final void validateParameters() {
        requireLayout(parameters, "parameters");
        parameters.requireFinite("parameters");
    }

    @Override
    public final void setParameters(CellParameters source) {
        requireLayout(source, "source");
        source.requireFinite("source");
        parameters.setTo(source);
    }

    /** The class name and sizes, e.g. {@code GruCell(3, 5)}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + inputSize + ", " + hiddenSize + ")";
    }

    /** Allocation-free shape check of the four tensors of {@code p} against this cell's layout. */
    final void requireLayout(CellParameters p, String name) {
        Require.nonNull(p, name);
        requireShape(p.weightIh(), gateRows, inputSize, name, CellParameters.WEIGHT_IH);
        requireShape(p.weightHh(), gateRows, hiddenSize, name, CellParameters.WEIGHT_HH);
        requireShape(p.biasIh(), gateRows, 1, name, CellParameters.BIAS_IH);
        requireShape(p.biasHh(), gateRows, 1, name, CellParameters.BIAS_HH);
    }

    private static void requireShape(DMatrixRMaj m, int rows, int cols, String owner, String tensor) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(owner + "." + tensor + " must be " + rows + "x" + cols
                    + ", was " + Require.shapeOf(m));
        }
    }
}
