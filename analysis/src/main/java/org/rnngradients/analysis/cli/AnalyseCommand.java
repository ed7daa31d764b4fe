package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code analyse}: load a cell exported from PyTorch and run any of the analyses on it. */
@Command(name = "analyse", aliases = {"analyze", "load"}, mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Load a one-layer cell from .npy files named as PyTorch's state_dict (--weights DIR with"
                + " weight_ih_l0.npy, weight_hh_l0.npy, bias_ih_l0.npy, bias_hh_l0.npy; H and I are read from the"
                + " shapes) and run the chosen analyses, each into its own subdirectory of --out.",
            "Export from PyTorch: for name, tensor in model.state_dict().items():"
                + " numpy.save(name + '.npy', tensor.detach().cpu().double().numpy())"})
final class AnalyseCommand extends CellCommand<Map<AnalyseCommand.Analysis, CellRun>> {
    /** The analyses this command can run. */
    enum Analysis {
        /** As the profile command. */
        profile,
        /** As the spectrum command. */
        spectrum,
        /** As the lyapunov command. */
        lyapunov
    }

    @Mixin
    LyapunovCommand.Settings lyapunov;

    @Option(names = "--analyses", split = ",", defaultValue = "profile,spectrum,lyapunov", paramLabel = "NAME",
            description = "Comma-separated analyses to run: ${COMPLETION-CANDIDATES}.")
    List<Analysis> analyses;

    @Override
    Map<Analysis, CellRun> prepare() throws IOException {
        if (model.weights == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--weights=DIR'");
        }
        Map<Analysis, CellRun> runs = new LinkedHashMap<>();
        for (Analysis a : analyses) {
            runs.put(a, switch (a) {
                case profile -> ProfileCommand.prepare(this);
                case spectrum -> SpectrumCommand.prepare(this);
                case lyapunov -> LyapunovCommand.prepare(this, lyapunov);
            });
        }
        return runs;
    }

    @Override
    Map<String, Object> execute(Map<Analysis, CellRun> runs, Path out) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        for (Map.Entry<Analysis, CellRun> e : runs.entrySet()) {
            Path dir = Files.createDirectory(out.resolve(e.getKey().name()));
            CellRun r = e.getValue();
            results.putAll(switch (e.getKey()) {
                case profile -> ProfileCommand.write(r, dir, this);
                case spectrum -> SpectrumCommand.write(r, dir, this);
                case lyapunov -> LyapunovCommand.write(r, lyapunov, dir, this);
            });
        }
        return results;
    }
}
