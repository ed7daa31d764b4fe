package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code rnn-gradients} command line: experiments on gradient propagation in recurrent
 * networks, each writing a self-contained output directory. Exit codes: 0 success, 2 bad input
 * (an unknown option, a missing or malformed file, shapes that do not fit; nothing is written),
 * 1 any other failure.
 */
@Command(name = "rnn-gradients", mixinStandardHelpOptions = true, versionProvider = RnnGradients.Version.class,
        showDefaultValues = true,
        description = "Why gradients vanish and explode in recurrent networks: run the book's experiments.",
        subcommands = {ProfileCommand.class, SpectrumCommand.class, LyapunovCommand.class, TrainCommand.class, AnalyseCommand.class,
            AddingCommand.class, ClippingCommand.class, ProfilesCommand.class, TruncationCommand.class,
            CheckpointMemoryCommand.class, FlossCommand.class, SweepCommand.class, CliffCommand.class,
            HelpCommand.class})
public final class RnnGradients implements Runnable {
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, writing to System.out and System.err. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RnnGradients());
        cl.setParameterExceptionHandler(RnnGradients::badOption);
        cl.setExecutionExceptionHandler(RnnGradients::failure);
        return cl;
    }

    /** The configured command line writing to {@code out} and {@code err} (for tests and embedding). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine().setOut(out).setErr(err);
    }

    /** An unknown option or a bad option value: one line naming it, exit code 2. */
    private static int badOption(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String message = e.getMessage();
        if (!(e instanceof UnmatchedArgumentException) && !cl.getUnmatchedArguments().isEmpty()) {
            message = "Unknown option or argument: '" + String.join("', '", cl.getUnmatchedArguments()) + "'";
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(message) + " (see --help)");
        cl.getErr().flush();
        return BAD_INPUT;
    }

    /**
     * An exception from a command: bad input is one line and exit code 2, anything else exit code 1. An
     * {@link ArithmeticException} (dynamics that overflow double range, a Lyapunov run the QR method cannot keep
     * accurate) counts as bad input: the options asked for a result that has no finite answer.
     */
    private static int failure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String name = cl.getCommandSpec().qualifiedName();
        boolean badInput = e instanceof IllegalArgumentException || e instanceof ArithmeticException
                || e instanceof NoSuchFileException
                || e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException;
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (badInput) {
            cl.getErr().println(name + ": " + oneLine(message));
        } else {
            cl.getErr().println(name + ": failed: " + oneLine(e instanceof IOException ? e.toString() : message));
        }
        cl.getErr().flush();
        return badInput ? BAD_INPUT : 1;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** The project's version and the Java runtime, for {@code --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rnn-gradients " + Versions.project(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
