package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.internal.Require;

/**
 * A recurrent model: a cell, an optional linear readout ŷ_t = W_hy h_t + b_y, and a per-step loss.
 * Without a readout the loss reads the hidden state h_t directly (ŷ_t = h_t). Parameters are named
 * as the cell names them ({@code weight_ih}, {@code weight_hh}, {@code bias_ih}, {@code bias_hh})
 * plus {@code readout.weight} and {@code readout.bias}.
 */
public final class RnnModel {
    /** Name of W_hy in {@link #parameters()}. */
    public static final String READOUT_WEIGHT = "readout.weight";
    /** Name of b_y in {@link #parameters()}. */
    public static final String READOUT_BIAS = "readout.bias";

    private final RecurrentCell cell;
    private final Readout readout;
    private final Loss loss;
    private final ParameterSet parameters;

    /** A model with a readout. */
    public RnnModel(RecurrentCell cell, Readout readout, Loss loss) {
        this.cell = Require.nonNull(cell, "cell");
        this.readout = Require.nonNull(readout, "readout");
        this.loss = Require.nonNull(loss, "loss");
        if (readout.hiddenSize() != cell.hiddenSize()) {
            throw new IllegalArgumentException("readout hiddenSize must equal cell hiddenSize " + cell.hiddenSize()
                    + ", was " + readout.hiddenSize());
        }
        this.parameters = view(cell.parameters(), readout.weight(), readout.bias());
    }

    /** A model whose loss reads h_t directly (no readout). */
    public RnnModel(RecurrentCell cell, Loss loss) {
        this.cell = Require.nonNull(cell, "cell");
        this.readout = null;
        this.loss = Require.nonNull(loss, "loss");
        this.parameters = view(cell.parameters(), null, null);
    }

    static ParameterSet view(CellParameters cellParameters, DMatrixRMaj weight, DMatrixRMaj bias) {
        ParameterSet set = new ParameterSet();
        for (String name : cellParameters.names()) {
            set.with(name, cellParameters.get(name));
        }
        if (weight != null) {
            set.with(READOUT_WEIGHT, weight).with(READOUT_BIAS, bias);
        }
        return set;
    }

    /** The cell. */
    public RecurrentCell cell() {
        return cell;
    }

    /** The readout, or null when the loss reads h_t directly. */
    public Readout readout() {
        return readout;
    }

    /** Whether a readout exists. */
    public boolean hasReadout() {
        return readout != null;
    }

    /** The per-step loss. */
    public Loss loss() {
        return loss;
    }

    /** Output size O (H without a readout). */
    public int outputSize() {
        return readout == null ? cell.hiddenSize() : readout.outputSize();
    }

    /** All parameters as one live, ordered set. */
    public ParameterSet parameters() {
        return parameters;
    }

    /** A zero gradient accumulator shaped like {@link #parameters()}. */
    public ModelGradients newGradients() {
        return new ModelGradients(this);
    }

    /** A zero state s_0 (stateSize × 1). */
    public DMatrixRMaj zeroState() {
        return new DMatrixRMaj(cell.stateSize(), 1);
    }
}
