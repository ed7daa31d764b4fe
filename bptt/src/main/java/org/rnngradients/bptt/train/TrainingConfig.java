package org.rnngradients.bptt.train;

import java.util.List;

import org.rnngradients.bptt.GradientEngine;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.optim.Optimiser;
import org.rnngradients.linalg.internal.Require;

/**
 * How to train: the number of steps, the batch size, the seed of the batch stream, the gradient
 * engine, the optimiser and the clipper.
 *
 * @param steps     optimiser steps, ≥ 1
 * @param batchSize sequences per step, ≥ 1
 * @param seed      seed of the stream of training sequences
 * @param engine    the gradient engine (full, truncated or checkpointed BPTT)
 * @param optimiser the optimiser (its state belongs to this run)
 * @param clipper   clipping rule and non-finite policy
 * @param terms     extra objective terms R(θ) added to the task loss (empty for none), in order
 */
public record TrainingConfig(long steps, int batchSize, long seed, GradientEngine engine, Optimiser optimiser,
                             GradientClipper clipper, List<LossTerm> terms) {

    /** A configuration without extra objective terms. */
    public TrainingConfig(long steps, int batchSize, long seed, GradientEngine engine, Optimiser optimiser,
                          GradientClipper clipper) {
        this(steps, batchSize, seed, engine, optimiser, clipper, List.of());
    }

    /** Validates every field. */
    public TrainingConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        Require.positive(batchSize, "batchSize");
        Require.nonNull(engine, "engine");
        Require.nonNull(optimiser, "optimiser");
        Require.nonNull(clipper, "clipper");
        Require.nonNull(terms, "terms");
        for (int k = 0; k < terms.size(); k++) {
            Require.nonNull(terms.get(k), "terms[" + k + "]");
        }
        terms = List.copyOf(terms);
    }

    /** This configuration with {@code term} appended to its extra objective terms. */
    public TrainingConfig withTerm(LossTerm term) {
        Require.nonNull(term, "term");
        java.util.ArrayList<LossTerm> more = new java.util.ArrayList<>(terms);
        more.add(term);
        return new TrainingConfig(steps, batchSize, seed, engine, optimiser, clipper, more);
    }
}
