package eqspice.cli;

import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.GradientCheck;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.LayeredNetwork;
import eqspice.cosim.Backends;
import eqspice.network.Fidelity;
import eqspice.ngspice.NgspiceSession;
import eqspice.simulate.Simulator;
import eqspice.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice gradcheck}: how close EqProp's estimate is to the true gradient, per estimator and beta. */
@Command(name = "gradcheck", description = {"Compare the EqProp gradient estimate with a central finite-difference "
        + "gradient of the free-phase loss (same simulator), on the experiment's initial network and all its samples.",
    "Prints cosine similarity and relative error per estimator and beta."})
final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT")
    Path file;

    @Option(names = "--beta", split = ",", paramLabel = "B", defaultValue = "1e-8,1e-6,1e-4,1e-2",
            description = "nudging strengths in S (default ${DEFAULT-VALUE})")
    List<Double> betas;

    @Option(names = "--estimator", split = ",", defaultValue = "positive,negative,centered",
            description = "estimators (default ${DEFAULT-VALUE})")
    List<String> estimators;

    @Option(names = "--step", defaultValue = "1e-4", description = "relative finite-difference step (default ${DEFAULT-VALUE})")
    double step;

    @Override
    public Integer call() {
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
        // the experiment's backend (simulator: section); ngspice is loaded only when that backend uses it
        NgspiceSession ngspice = exp.simulator().usesNgspice() ? new NgspiceSession() : null;
        try (ngspice) {
            if (ngspice != null) {
                ngspice.linearSolver(cfg.solver());
            }
            Simulator ng = Backends.open(exp.simulator(), () -> ngspice);
            LayeredNetwork net = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
            // The circuit the experiment trains (fidelity.train_level), so that the check measures
            // the estimate that training really uses.
            Fidelity fidelity = exp.hardware().trainFidelity();
            CrossbarSession session = new CrossbarSession(ng, net, fidelity, cfg.solver(), List.of());
            out.printf(Locale.ROOT, "%s: initial network (seed %d), %d samples, %d conductances, FD step %s; %s%n",
                    exp.name(), cfg.seed(), cfg.task().samples().size(), session.conductors().size(), step,
                    cfg.solver().label());
            out.println("circuit: " + fidelity.label());
            out.printf(Locale.ROOT, "%-10s %-10s %-12s %-12s %-12s %-12s %s%n", "estimator", "beta (S)", "cosine",
                    "rel. error", "|reference|", "|estimate|", "worst sample cosine");
            for (GradientCheck.Row r : GradientCheck.run(session, cfg.task().samples(), betas, ests, step)) {
                out.printf(Locale.ROOT, "%-10s %-10.1e %-12.6f %-12.3e %-12.4e %-12.4e %.6f%s%n", r.estimator().id(),
                        r.beta(), r.cosine(), r.relativeError(), r.referenceNorm(), r.estimateNorm(),
                        r.worstSampleCosine(), r.failedSamples() > 0 ? "  (" + r.failedSamples() + " samples failed)" : "");
            }
            out.println("solved by " + ng.info().label());
        }
        return 0;
    }
}
