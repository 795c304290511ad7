package eqspice.cli;

import eqspice.eqprop.Estimator;
import eqspice.eqprop.GradientCheck;
import eqspice.eqprop.GradientVerdict;
import eqspice.results.GradientCheckFile;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.eqprop.LayerScaling;
import eqspice.network.NetworkSpec;
import eqspice.run.RunService;
import eqspice.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice gradcheck}: how close EqProp's estimate is to the true gradient, per estimator and beta. */
@Command(name = "gradcheck", description = {"Compare the EqProp gradient estimate with a central finite-difference "
        + "gradient of the free-phase loss (same simulator), on the experiment's initial network and all its samples.",
    "Prints cosine similarity and relative error per estimator and beta, and per weight layer the ratio "
        + "estimate / finite difference (median and spread), next to what the amplifier pair predicts.",
    "With training.layer_scaling: compensate the estimate is scaled per layer as training scales it."})
final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "experiment file (YAML); see experiments/README.md")
    Path file;

    @Option(names = "--beta", split = ",", paramLabel = "B", defaultValue = "1e-8,1e-6,1e-4,1e-2",
            description = "nudging strengths in S (default ${DEFAULT-VALUE})")
    List<Double> betas;

    @Option(names = "--estimator", split = ",", defaultValue = "positive,negative,centered",
            description = "estimators (default ${DEFAULT-VALUE})")
    List<String> estimators;

    @Option(names = "--step", defaultValue = "1e-4", description = "relative finite-difference step (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--out", paramLabel = "DIR", description = "also write the table as gradcheck.csv into this folder")
    Path out;

    @Override
    public Integer call() throws java.io.IOException {
        Experiment exp = ExperimentLoader.load(file);
        TrainingConfig cfg = exp.config();
        for (double b : betas) {
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("--beta values must be finite and > 0, got " + b);
            }
        }
        if (!(step > 0 && step < 0.5)) {
            throw new IllegalArgumentException("--step must be in (0, 0.5), got " + step);
        }
        List<Estimator> ests = estimators.stream().map(Estimator::parse).toList();
        PrintWriter out = spec.commandLine().getOut();
        RunService.GradientCheckReport report;
        try (RunService service = RunService.open(Main.version())) {
            // the experiment's backend (simulator: section) and training circuit (fidelity.train_level), so that
            // the check measures the estimate that training really uses
            report = service.gradientCheck(exp, betas, ests, step, Optional.empty());
        }
        out.printf(Locale.ROOT, "%s: initial network (seed %d), %d samples, %d conductances, FD step %s; %s%n",
                exp.name(), cfg.seed(), cfg.task().samples().size(), report.conductances(), step,
                cfg.solver().label());
        out.println("circuit: " + report.fidelity().label());
        out.printf(Locale.ROOT, "%-10s %-10s %-12s %-12s %-12s %-12s %-20s %s%n", "estimator", "beta (S)", "cosine",
                "rel. error", "|reference|", "|estimate|", "worst sample cosine", "ratio per layer");
        for (GradientCheck.Row r : report.rows()) {
            out.printf(Locale.ROOT, "%-10s %-10.1e %-12.6f %-12.3e %-12.4e %-12.4e %-20.6f%s%s%n", r.estimator().id(),
                    r.beta(), r.cosine(), r.relativeError(), r.referenceNorm(), r.estimateNorm(),
                    r.worstSampleCosine(), layerRatios(r).stripLeading(),
                    r.failedSamples() > 0 ? "  (" + r.failedSamples() + " samples failed)" : "");
        }
        out.printf(Locale.ROOT, "ratio per layer = estimate / finite difference per conductance, median (spread = "
                + "max |r/median - 1|), L0 = input crossbar; layer scaling %s; the amplifier pair predicts%s%n",
                cfg.layerScaling().id(), expectedRatios(cfg));
        out.println("solved by " + report.simulator().label());
        out.println(GradientVerdict.of(report.rows(), cfg.layerScaling()));
        if (this.out != null) {
            out.println("wrote " + GradientCheckFile.write(this.out, report.rows()));
        }
        return 0;
    }

    /** What the amplifier pair predicts for the per-layer ratios, under the experiment's layer scaling. */
    private static String expectedRatios(TrainingConfig cfg) {
        NetworkSpec spec = cfg.spec();
        StringBuilder line = new StringBuilder();
        for (int l = 0; l < spec.weightLayers(); l++) {
            line.append(String.format(Locale.ROOT, " L%d %.6g", l, LayerScaling.expectedRatio(spec, l,
                    cfg.layerScaling())));
        }
        return line.toString();
    }

    /** Per weight layer: median ratio estimate / finite difference and its spread max |r/median - 1|. */
    private static String layerRatios(GradientCheck.Row r) {
        StringBuilder line = new StringBuilder();
        for (GradientCheck.LayerRatio lr : r.layers()) {
            line.append(String.format(Locale.ROOT, "  L%d %.6g (%.1e)", lr.layer(), lr.median(), lr.spread()));
        }
        return line.toString();
    }
}
