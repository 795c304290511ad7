package eqspice.cli;

import eqspice.diagnostics.FidelityValidation;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.ConductanceTable;
import eqspice.network.LayeredNetwork;
import eqspice.ngspice.RestartingSession;
import eqspice.results.Provenance;
import eqspice.results.RunFolder;
import eqspice.results.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice validate <run dir>}: a trained network at every fidelity level, side by side. */
@Command(name = "validate", description = {"Evaluate a finished run's (or sweep point's) trained network on its task at "
        + "every fidelity "
        + "level (ideal, behavioural, transistor): accuracy, largest and mean output deviation from the ideal "
        + "circuit, power, failed solves.",
    "Reads RUN_DIR/experiment.yaml (its fidelity: section sets the non-ideal parts) and RUN_DIR/conductances.csv; "
        + "writes validation.csv and validation-deviation.png there and prints the table."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a folder written by eqspice run, e.g. results/xor, or a sweep "
        + "point's folder, e.g. results/kiraz-alpha-beta-small/points/<id>")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the files (default: RUN_DIR)")
    Path out;

    @Option(names = "--by-part", description = "also evaluate with one class of parts non-ideal at a time (each "
        + "amplifier model, the 1N4148, the sinh devices, the variation) to trace a deviation to its part")
    boolean byPart;

    @Override
    public Integer call() throws IOException {
        RunFolder folder = RunFolder.of(dir);
        Path yaml = folder.experiment();
        Path csv = folder.conductances();
        Experiment exp = ExperimentLoader.load(yaml);
        LayeredNetwork net = ConductanceTable.read(csv, exp.config().spec());
        Path target = out != null ? out : dir;
        Files.createDirectories(target);
        PrintWriter stdout = spec.commandLine().getOut();
        try (RestartingSession ng = new RestartingSession()) {
            ng.linearSolver(exp.config().solver());
            List<FidelityValidation.LevelResult> levels = FidelityValidation.run(ng, net, exp.config().task(),
                    exp.fidelity(), exp.config().solver(), byPart);
            int n = exp.config().task().samples().size();
            List<String> prov = new ArrayList<>(Provenance.of(Main.version(), ng.info(), exp.config().solver(),
                    exp.config().seed(), yaml.toString(), exp.sha256()).lines());
            prov.add("validated " + csv + " on task " + exp.config().task().name() + " (" + n + " samples, tolerance "
                    + exp.config().task().tolerance() + " V)");
            stdout.println(exp.name() + ": " + n + " samples of task " + exp.config().task().name()
                    + ", the same conductances at every level");
            ValidationReport.table(levels, n).forEach(stdout::println);
            for (FidelityValidation.LevelResult r : levels) {
                stdout.println("  " + r.fidelity().label());
                if (!r.firstFailure().isEmpty()) {
                    stdout.println("    first failure: " + r.firstFailure());
                }
            }
            stdout.println("wrote " + ValidationReport.writeCsv(target, levels, n, prov) + " and "
                    + ValidationReport.writePlot(target, levels));
        }
        return 0;
    }
}
