package eqspice.cli;

import eqspice.results.SweepPlots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice plot results/<experiment>}: PNG heatmaps and loss curves of a sweep. */
@Command(name = "plot", description = {"Write PNG plots of a sweep's results: converged fraction and median final "
        + "loss over beta x alpha, and median loss curves per beta (one set per estimator)."})
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS_DIR", description = "a sweep's results folder, e.g. results/kiraz-alpha-beta-small")
    Path dir;

    @Override
    public Integer call() throws IOException {
        for (Path p : SweepPlots.write(dir)) {
            spec.commandLine().getOut().println("wrote " + p);
        }
        return 0;
    }
}
