package org.rnngradients.analysis.sweep;

import java.io.Serializable;

import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.internal.Require;

/**
 * One point of a sweep: a cell kind, its hidden size N, the gain g of its recurrent weights and the
 * seed of every random draw (weights, initial state, initial Lyapunov frame). Equal points are equal
 * records, so a point found in a results file is recognised exactly.
 *
 * @param cell   the cell kind
 * @param hidden the hidden size N (&gt; 0)
 * @param gain   g (finite, &gt; 0)
 * @param seed   the seed
 */
public record SweepPoint(CellKind cell, int hidden, double gain, long seed) implements Serializable {

    /** Checks the components; a bad one is named. */
    public SweepPoint {
        Require.nonNull(cell, "cell");
        Require.positive(hidden, "hidden");
        Require.positive(gain, "gain");
    }

    @Override
    public String toString() {
        return cell.cliName() + " N=" + hidden + " g=" + gain + " seed=" + seed;
    }
}
