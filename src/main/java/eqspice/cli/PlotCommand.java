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
        + "loss over beta x alpha, and median loss curves per beta (one set per estimator).",
    "Of a single run's folder: loss and accuracy per epoch, and each crossbar's conductances at the start and the "
        + "end with the share at the bounds."})
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS_DIR", description = "a sweep's results folder (e.g. results/kiraz-alpha-beta-small) or a run's (e.g. results/xor)")
    Path dir;

    @Override
    public Integer call() throws IOException {
        boolean run = !java.nio.file.Files.exists(dir.resolve("points.csv"))
                && java.nio.file.Files.exists(dir.resolve("metrics.csv"));
        for (Path p : run ? eqspice.results.RunPlots.write(dir) : SweepPlots.write(dir)) {
            spec.commandLine().getOut().println("wrote " + p);
        }
        return 0;
    }
}
