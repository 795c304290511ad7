package eqspice.cli;

import eqspice.results.SweepReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eqspice report results/<sweep>}: the sweep's report as Markdown beside its PNGs. */
@Command(name = "report", description = {"Write a sweep's report, RESULTS_DIR/report/report.md beside its PNGs: "
        + "converged fraction per estimator over alpha x beta (95 %% Wilson intervals), outcome shares and mechanisms "
        + "per beta (sweeps with a study: section), example loss curves per outcome, and Kiraz et al.'s Fig. 2 "
        + "(loss per epoch for each beta at the alpha closest to the paper's 5e-10 S^2/V^2)."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS_DIR", description = "a finished sweep's results folder, e.g. results/kiraz-alpha-beta-small")
    Path dir;

    @Override
    public Integer call() throws IOException {
        spec.commandLine().getOut().println("wrote " + SweepReport.write(dir));
        return 0;
    }
}
