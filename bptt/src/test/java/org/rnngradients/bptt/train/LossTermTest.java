package org.rnngradients.bptt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.Fixtures;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.ModelGradients;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.cells.CellKind;

class LossTermTest {
    private static final AddingProblem TASK = AddingProblem.sumForm(5);
    private static final double LR = 0.1;
    private static final double C = 0.3;

    /** R(θ) = ½·c·‖θ‖², whose gradient is c·θ. */
    private static final class WeightDecay implements LossTerm {
        @Override
        public String name() {
            return "weight-decay";
        }

        @Override
        public double accumulate(RnnModel model, Sequence[] batch, long step, ModelGradients gradients) {
            gradients.all().addScaled(C, model.parameters());
            double n = model.parameters().norm();
            return 0.5 * C * n * n;
        }
    }

    private static RnnModel model() {
        return Fixtures.model(CellKind.RNN_TANH, 2, 6, 1, new MeanSquaredError(), 81);
    }

    private static TrainingConfig sgd(long steps) {
        return new TrainingConfig(steps, 3, 82, new FullBptt(), new Sgd(LR, 0), GradientClipper.none(NonFinitePolicy.THROW));
    }

    @Test
    void aTermAddsItsGradientBeforeTheUpdate() {
        RnnModel plain = model();
        ParameterSet before = plain.parameters().copy();
        Trainer.train(plain, TASK, sgd(1), ProgressListener.none());
        RnnModel decayed = model();
        TrainingResult r = Trainer.train(decayed, TASK, sgd(1).withTerm(new WeightDecay()), ProgressListener.none());
        // one SGD step: θ' = θ − lr·(g + c·θ) = θ_plain' − lr·c·θ
        ParameterSet expected = plain.parameters().copy();
        expected.addScaled(-LR * C, before);
        for (String name : expected.names()) {
            double[] e = expected.get(name).data;
            double[] a = decayed.parameters().get(name).data;
            for (int k = 0; k < e.length; k++) {
                assertEquals(e[k], a[k], 1e-15 * Math.max(1, Math.abs(e[k])), name + "[" + k + "]");
            }
        }
        double n = before.norm();
        assertEquals(0.5 * C * n * n, r.history().get(0).termLoss(), 1e-14);
    }

    @Test
    void aConfigWithoutTermsReportsZeroTermLoss() {
        TrainingResult r = Trainer.train(model(), TASK, sgd(2), ProgressListener.none());
        assertEquals(0.0, r.history().get(1).termLoss());
    }

    @Test
    void nullTermsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(1, 1, 1, new FullBptt(), new Sgd(LR, 0), GradientClipper.none(NonFinitePolicy.THROW),
                        java.util.Arrays.asList(new WeightDecay(), null)));
        assertEquals("terms[1] must not be null", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sgd(1).withTerm(null));
        assertEquals(List.of(), sgd(1).terms());
    }
}
