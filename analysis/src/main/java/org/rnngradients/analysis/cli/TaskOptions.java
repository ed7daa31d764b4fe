package org.rnngradients.analysis.cli;

import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.tasks.AgreementTask;
import org.rnngradients.bptt.tasks.CopyTask;
import org.rnngradients.bptt.tasks.Task;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The long-range task and its settings; every task is sized so that its sequences have length T (--steps). */
final class TaskOptions {
    /** The tasks of the bptt module. */
    enum TaskKind {
        /** The adding problem (two marked values far apart; predict their sum). */
        adding,
        /** The stretched agreement task (subject, distractors, query; predict the verb form). */
        agreement,
        /** The copy (memory) task (L symbols, a delay, then recall them in order). */
        memory
    }

    /** The two forms of the adding problem. */
    enum AddingForm {
        /** Values U[0, 1], one marker per half, target the sum, length exactly T (baseline MSE 1/6). */
        sum,
        /** Hochreiter and Schmidhuber 1997: values U[-1, 1], length in [T, T + T/10], target 0.5 + (X1 + X2)/4. */
        hochreiter
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--task", defaultValue = "adding", paramLabel = "TASK", description = "Task: ${COMPLETION-CANDIDATES}.")
    TaskKind task;

    @Option(names = "--adding-form", defaultValue = "sum", paramLabel = "FORM",
            description = "Form of the adding problem: ${COMPLETION-CANDIDATES}.")
    AddingForm addingForm;

    @Option(names = "--distractors", defaultValue = "10", paramLabel = "N",
            description = "Agreement task: number of distinct distractor tokens (the gap is T - 2).")
    int distractors;

    @Option(names = "--symbols", defaultValue = "8", paramLabel = "K", description = "Memory task: alphabet size K.")
    int symbols;

    @Option(names = "--copy-length", defaultValue = "5", paramLabel = "L",
            description = "Memory task: symbols to remember L (the delay is T - 2L).")
    int copyLength;

    /** The task with sequences of length {@code steps}; an impossible combination names the options. */
    Task create(int steps) {
        try {
            return switch (task) {
                case adding -> addingForm == AddingForm.sum ? AddingProblem.sumForm(steps) : AddingProblem.hochreiter(steps);
                case agreement -> new AgreementTask(steps - 2, distractors);
                case memory -> new CopyTask(symbols, copyLength, steps - 2 * copyLength);
            };
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--task " + task + " cannot run with --steps " + steps
                    + " and these settings: " + e.getMessage());
        }
    }
}
