package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.NamedMatrices;

/**
 * An ordered collection of named matrices: a model's parameters or their gradients, seen as one
 * long vector θ. The matrices are held by reference (a live view), and the order is fixed, so norms
 * and updates are deterministic. The operations (norms, scaling, shape checks) are those of
 * {@link NamedMatrices}, shared with a cell's {@link org.rnngradients.cells.CellParameters}.
 */
public final class ParameterSet extends NamedMatrices {

    /** An empty set; add matrices with {@link #with}. */
    public ParameterSet() {
    }

    /** Adds {@code tensor} (held by reference) under {@code name}; names must be unique. */
    public ParameterSet with(String name, DMatrixRMaj tensor) {
        add(name, tensor);
        return this;
    }

    /** New, independent zero matrices of the same names and shapes. */
    @Override
    public ParameterSet zerosLike() {
        ParameterSet z = new ParameterSet();
        for (int k = 0; k < names().size(); k++) {
            DMatrixRMaj m = tensors().get(k);
            z.with(names().get(k), new DMatrixRMaj(m.numRows, m.numCols));
        }
        return z;
    }

    /** An independent deep copy. */
    @Override
    public ParameterSet copy() {
        return (ParameterSet) super.copy();
    }
}
