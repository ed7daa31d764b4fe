package org.rnngradients.cells;

/**
 * A forward step whose state and input were finite produced a non-finite pre-activation: the weights
 * are finite but the product overflowed (an exploding linear or ReLU network, for instance). A caller
 * that trains or sweeps networks may catch it and treat the run as diverged. Non-finite parameters or
 * inputs are bad arguments instead and fail with an {@link IllegalArgumentException} naming them.
 */
public final class NonFiniteActivationException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int row;
    private final int column;
    private final double value;

    /** Pre-activation row {@code row} of batch column {@code column} (0 for batch 1) was {@code value}. */
    public NonFiniteActivationException(int row, int column, double value) {
        super("pre-activations must be finite, row " + row + " of column " + column + " overflowed to " + value);
        this.row = row;
        this.column = column;
        this.value = value;
    }

    /** The row of the stacked gate pre-activations. */
    public int row() {
        return row;
    }

    /** The batch column (0 for batch 1). */
    public int column() {
        return column;
    }

    /** The non-finite value. */
    public double value() {
        return value;
    }
}
