package org.rnngradients.bptt.floss;

import java.util.ArrayList;
import java.util.List;

import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.optim.Optimiser;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * Gradient flossing as a phase of its own, as Engelken's code runs it before training ("preflossing")
 * and in bursts during it: a number of optimiser steps on F = Σ_{i ≤ k} λ_i² alone, with an optimiser
 * of the phase's own, each on a fresh input stream drawn from the task (the sequences' inputs back to
 * back). Only the cell's parameters move; the readout does not enter F.
 */
public final class FlossingPhase {
    /** One step of the phase: its number, F before the update and the exponents it was computed from. */
    public record Step(int step, double sumOfSquares, double[] exponents) {
        /** Copies the exponents. */
        public Step {
            exponents = Require.nonNull(exponents, "exponents").clone();
        }

        /** λ_1 of this step. */
        public double largestExponent() {
            return exponents[0];
        }
    }

    private final FlossingTarget target;
    private final int steps;
    private final Optimiser optimiser;

    /** A phase of {@code steps} (≥ 1) updates by {@code optimiser} flossing {@code target}. */
    public FlossingPhase(FlossingTarget target, int steps, Optimiser optimiser) {
        this.target = Require.nonNull(target, "target");
        this.steps = Require.positive(steps, "steps");
        this.optimiser = Require.nonNull(optimiser, "optimiser");
    }

    // tag::flossing-phase[]
    /** Runs the phase on {@code model}'s cell with input streams drawn from {@code task} and {@code random}. */
    public List<Step> run(RnnModel model, Task task, RandomSource random) {
        Require.nonNull(model, "model");
        Require.nonNull(task, "task");
        Require.nonNull(random, "random");
        FlossingTerm term = new FlossingTerm(target, new FlossingSchedule(1.0, 1, FlossingSchedule.UNLIMITED));
        CellParameters theta = model.cell().parameters();
        CellParameters gradient = theta.zerosLike();
        ParameterSet thetaView = view(theta);
        ParameterSet gradientView = view(gradient);
        List<Step> history = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            Sequence[] batch = FlossingInputs.draw(task, target.horizon(), random);
            gradient.zero();
            double f = term.floss(model, batch, 1.0, gradient);              // F = Σλ², ∂F/∂θ
            history.add(new Step(s, f, term.lastExponents()));
            optimiser.step(thetaView, gradientView);                        // θ ← θ − Δ(∂F/∂θ)
        }
        return history;
    }
    // end::flossing-phase[]

    private static ParameterSet view(CellParameters p) {
        ParameterSet set = new ParameterSet();
        for (String name : p.names()) {
            set.with(name, p.get(name));
        }
        return set;
    }
}
