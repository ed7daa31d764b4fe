package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.bptt.floss.FlossingExperiment.Outcome;
import org.rnngradients.bptt.floss.FlossingExperiment.Settings;
import org.rnngradients.bptt.floss.FlossingExperiment.Setup;

/** Small runs of the four set-ups: what they record, their determinism, and what the flossing phase does. */
class FlossingExperimentTest {
    private static Settings settings(int prefloss) {
        return new Settings(8, 6, 20, 4, 0.01, 1.0, new FlossingTarget(3, 16, 2), prefloss,
                new FlossingSchedule(1.0, 5, FlossingSchedule.UNLIMITED), new FlossingTarget(3, 40, 10), 10, 30, 5);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aRunRecordsItsSamplesAndProfileAndRepeatsExactly(Setup setup) {
        Outcome a = FlossingExperiment.run(setup, settings(15), 3);
        Outcome b = FlossingExperiment.run(setup, settings(15), 3);
        assertEquals(a.testMse(), b.testMse(), 0.0, "same seed, same run");
        List<Long> steps = a.samples().stream().map(FlossingExperiment.Sample::step).toList();
        assertEquals(setup == Setup.FLOSSING ? List.of(-15L, 0L, 10L, 20L) : List.of(0L, 10L, 20L), steps);
        assertEquals(setup == Setup.FLOSSING ? 15 : 0, a.preflossing().size());
        assertEquals(8, a.profile().length);
        for (double v : a.profile()) {
            assertTrue(Double.isFinite(v), "profile " + java.util.Arrays.toString(a.profile()));
        }
        assertEquals(a.testMse() < 0.1 / 6, a.success());
        assertEquals(3, a.samples().get(0).exponents().length);
    }

    @Test
    void theFlossingPhaseBringsTheExponentsTowardsZero() {
        Outcome o = FlossingExperiment.run(Setup.FLOSSING, settings(150), 4);
        double before = sumOfSquares(o.samples().get(0).exponents());     // step −150
        double after = sumOfSquares(o.samples().get(1).exponents());      // step 0
        assertTrue(after < 0.2 * before, "Σλ² on the held-out stream: " + before + " before, " + after + " after");
    }

    @Test
    void withoutAScheduleTheFlossingSetUpOnlyFlossesBeforeTraining() {
        Settings s = settings(15);
        Settings phaseOnly = new Settings(s.length(), s.hidden(), s.steps(), s.batch(), s.learningRate(), s.clip(),
                s.target(), s.preflossSteps(), null, s.monitor(), s.evaluateEvery(), s.testSize(), s.profileSize());
        Outcome with = FlossingExperiment.run(Setup.FLOSSING, s, 6);
        Outcome without = FlossingExperiment.run(Setup.FLOSSING, phaseOnly, 6);
        assertEquals(with.samples().get(1).exponents()[0], without.samples().get(1).exponents()[0], 0.0,
                "the same phase before training");
        assertTrue(with.testMse() != without.testMse(), "the term changes training");
    }

    @Test
    void orthogonalInitialisationStartsCloserToZeroExponentsThanPyTorchs() {
        double pytorch = FlossingExperiment.run(Setup.CLIPPING, settings(0), 5).samples().get(0).exponents()[0];
        double orthogonal = FlossingExperiment.run(Setup.ORTHOGONAL, settings(0), 5).samples().get(0).exponents()[0];
        assertTrue(Math.abs(orthogonal) < Math.abs(pytorch), "λ_1: orthogonal " + orthogonal + ", PyTorch " + pytorch);
    }

    @Test
    void settingsAndSetupNamesAreValidated() {
        FlossingTarget t = new FlossingTarget(3, 16, 2);
        FlossingSchedule s = new FlossingSchedule(1, 1, 1);
        assertEquals("target.exponents must be in [1, 6], was 7", assertThrows(IllegalArgumentException.class,
                () -> new Settings(8, 6, 20, 4, 0.01, 1, new FlossingTarget(7, 16, 0), 0, s, t, 10, 30, 5)).getMessage());
        assertEquals("profileSize must be in [1, 30], was 31", assertThrows(IllegalArgumentException.class,
                () -> new Settings(8, 6, 20, 4, 0.01, 1, t, 0, s, t, 10, 30, 31)).getMessage());
        assertEquals("length must be in [2, 2147483647], was 1", assertThrows(IllegalArgumentException.class,
                () -> new Settings(1, 6, 20, 4, 0.01, 1, t, 0, s, t, 10, 30, 5)).getMessage());
        assertEquals("preflossSteps must be >= 0, was -1", assertThrows(IllegalArgumentException.class,
                () -> new Settings(8, 6, 20, 4, 0.01, 1, t, -1, s, t, 10, 30, 5)).getMessage());
        assertEquals("clip must be finite and > 0, was 0.0", assertThrows(IllegalArgumentException.class,
                () -> new Settings(8, 6, 20, 4, 0.01, 0, t, 0, s, t, 10, 30, 5)).getMessage());
        assertEquals("setup must be one of none, clipping, orthogonal, flossing, was floss",
                assertThrows(IllegalArgumentException.class, () -> Setup.fromCliName("floss")).getMessage());
        assertEquals(Setup.ORTHOGONAL, Setup.fromCliName("orthogonal"));
    }

    private static double sumOfSquares(double[] lambda) {
        return ExponentObjective.SUM_OF_SQUARES.value(lambda);
    }
}
