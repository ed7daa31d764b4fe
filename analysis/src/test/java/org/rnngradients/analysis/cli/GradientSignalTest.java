package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

/** The gradient-signal measurement: it finds exact independence of the earliest marked value, and dependence. */
class GradientSignalTest {

    private static RnnModel vanilla(int hidden) {
        return ExperimentModels.create(CellKind.RNN_TANH, ExperimentModels.Init.pytorch, 1, 2, hidden, 1,
                AddingProblem.sumForm(8).loss(), 1, 1, 2);
    }

    private static CsvTable[] measure(RnnModel model, int length) {
        AddingProblem task = AddingProblem.sumForm(length);
        Sequence[] batch = task.batch(3, RandomSource.seeded(4));
        RandomSource values = RandomSource.seeded(5);
        StringBuilder rows = new StringBuilder();
        StringBuilder profiles = new StringBuilder();
        GradientSignal signal = new GradientSignal("rnn-tanh", length, batch, values::uniform,
                new CsvWriter(rows, GradientSignal.HEADER), new CsvWriter(profiles, GradientSignal.PROFILE_HEADER));
        signal.record(model, 0, 0);
        signal.profiles(model, 0);
        return new CsvTable[] {CsvTable.parse("signal", rows.toString()), CsvTable.parse("profiles", profiles.toString())};
    }

    @Test
    void withoutRecurrenceTheGradientIsBitForBitIndependentOfTheEarliestMarkedValue() {
        RnnModel model = vanilla(4);
        model.cell().parameters().weightHh().zero();          // h_t depends on x_t only
        CsvTable[] t = measure(model, 8);
        assertEquals(0.0, t[0].number(0, "relative_change"));
        assertEquals(0.0, t[0].number(0, "fraction_entries_changed"));
        assertEquals(Double.NEGATIVE_INFINITY, t[0].number(0, "log10_gradient_change"));
        assertEquals(Double.NEGATIVE_INFINITY, t[0].number(0, "max_log10_adjoint_ratio_at_x"), "δ = 0 before the last step");
        assertEquals(8, t[1].size(), "one profile row per step before the loss");
    }

    @Test
    void aRecurrentCellOverAShortLagCarriesTheValueIntoTheGradient() {
        CsvTable[] t = measure(vanilla(4), 8);
        assertTrue(t[0].number(0, "relative_change") > 1e-6, t[0].text(0, "relative_change"));
        assertTrue(t[0].number(0, "fraction_entries_changed") > 0.5);
        double ratio = t[0].number(0, "mean_log10_adjoint_ratio_at_x");
        assertTrue(ratio < 0 && ratio > -8, "a few steps of decay: " + ratio);
        assertTrue(t[0].number(0, "min_log10_adjoint_ratio_at_x") <= ratio);
        assertTrue(t[0].number(0, "max_log10_adjoint_ratio_at_x") >= ratio);
        assertEquals(0.0, t[1].number(0, "steps_before_loss"));
    }

    @Test
    void theEarliestMarkerIsTheFirstPairMarkedOneAndReplacingItsValueKeepsEverythingElse() {
        Sequence s = AddingProblem.hochreiter(20).sample(RandomSource.seeded(9));
        int t = GradientSignal.earliestMarker(s);
        assertEquals(1.0, s.input(t).data[1]);
        for (int k = 1; k < t; k++) {
            assertTrue(s.input(k).data[1] != 1, "no earlier marker at " + k);
        }
        Sequence c = GradientSignal.withValue(s, t, 0.25);
        assertEquals(0.25, c.input(t).data[0]);
        assertNotSame(s.input(t), c.input(t), "the original is not modified");
        assertSame(s.input(t == 1 ? 2 : 1), c.input(t == 1 ? 2 : 1));
        assertEquals(s.target(s.length()).data[0], c.target(c.length()).data[0]);
        assertEquals(s.length(), c.length());
    }
}
