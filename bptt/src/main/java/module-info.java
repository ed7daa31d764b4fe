/**
 * Sequence engines (full, truncated and checkpointed BPTT), losses, gradient clipping, optimisers,
 * long-range tasks, the training loop and gradient flossing.
 */
module org.rnngradients.bptt {
    requires transitive org.rnngradients.cells;

    exports org.rnngradients.bptt;
    exports org.rnngradients.bptt.clip;
    exports org.rnngradients.bptt.floss;
    exports org.rnngradients.bptt.loss;
    exports org.rnngradients.bptt.optim;
    exports org.rnngradients.bptt.tasks;
    exports org.rnngradients.bptt.train;
}
