package eqspice.cli;

import eqspice.diagnostics.FidelityValidation;
import eqspice.experiment.Experiment;
import eqspice.results.ValidationReport;
import eqspice.run.RunService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        Path target = out != null ? out : dir;
        PrintWriter stdout = spec.commandLine().getOut();
        RunService.Validation v;
        try (RunService service = RunService.open(Main.version())) {
            v = service.validate(dir, target, byPart);
        }
        Experiment exp = v.experiment();
        int n = exp.config().task().samples().size();
        stdout.println(exp.name() + ": " + n + " samples of task " + exp.config().task().name()
                + ", the same conductances at every level");
        ValidationReport.table(v.levels(), n).forEach(stdout::println);
        for (FidelityValidation.LevelResult r : v.levels()) {
            stdout.println("  " + r.fidelity().label());
            if (!r.firstFailure().isEmpty()) {
                stdout.println("    first failure: " + r.firstFailure());
            }
        }
        stdout.println("wrote " + v.csv() + " and " + v.plot());
        return 0;
    }
}
