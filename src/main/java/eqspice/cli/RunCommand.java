package eqspice.cli;

import eqspice.baseline.BaselineTrainer;
import eqspice.cosim.CoSimulationMismatchException;
import eqspice.eqprop.PhaseStrategy;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.Fidelity;
import eqspice.results.ConfigDescription;
import eqspice.results.ResultsFolderGuard;
import eqspice.results.ResultsFolderLock;
import eqspice.run.Backends;
import eqspice.run.RunListener;
import eqspice.run.RunOutcome;
import eqspice.run.RunRequest;
import eqspice.run.RunService;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.SimulatorInfo;
import eqspice.results.LossFloor;
import eqspice.train.Convergence;
import eqspice.train.EpochMetrics;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice run [experiment.yaml]}: one training run, with progress and results on disk. */
@Command(name = "run", description = {"Train the network of an experiment file with EqProp in ngspice (or the "
    + "backend its simulator: section names).",
    "Without a file, runs the embedded default experiment (" + RunCommand.DEFAULT + ").",
    "Writes provenance.json, experiment.yaml (a copy), metrics.csv (one row per epoch), summary.json and "
        + "conductances.csv (the trained network) into results/<name>/."})
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT = "kiraz-case1.yaml";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..1", description = "experiment file (YAML); see experiments/README.md")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/<experiment name>)")
    Path out;

    @Option(names = "--force", description = {"write into the --out folder even when it holds a sweep, another "
        + "experiment's results or other files (never into /, your home or an empty path)"})
    boolean force;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--diagnostics", description = {"after every epoch, diagnose the free phase of one sample and add "
        + "diag_* columns to metrics.csv (pseudo-power, amplifier net power, Tellegen and KCL residuals, PCM vs VDM); "
        + "costs two extra solves per conductance per epoch"})
    boolean diagnostics;

    @Option(names = "--diagnostics-sample", defaultValue = "0", description = "the sample diagnosed (default ${DEFAULT-VALUE})")
    int diagnosticsSample;

    @Option(names = "--phases", defaultValue = "auto", paramLabel = "STRATEGY", description = {"how phases are solved: "
        + "sweep (a mini-batch's phases in one ngspice dc sweep), external-op or alter-op (one op per phase); auto: "
        + "sweep when solver.reltol <= 1e-6, else external-op (a warm-started nudged phase can stop within a loose "
        + "tolerance before it resolves the nudge); see docs/performance.md, \"Fast phases\" (default ${DEFAULT-VALUE})"})
    String phases;

    @Override
    public Integer call() {
        Optional<PhaseStrategy> chosen = PhaseStrategy.parseChoice(phases);
        Experiment exp = file != null ? ExperimentLoader.load(file) : embedded(DEFAULT);
        TrainingConfig cfg = exp.config();
        BackendChoice choice = exp.simulator();
        Path dir = out != null ? out : Path.of("results", exp.name());
        ResultsFolderGuard.forRun(dir, copy -> ExperimentLoader.isCopyOf(copy, exp), force); // before anything is written
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunRequest request = RunRequest.of(exp).withOut(dir).withPhases(chosen)
                .withExperimentYaml(file != null ? ExperimentLoader.readBytes(file) : embeddedBytes(DEFAULT));
        if (diagnostics) {
            request = request.withDiagnosticsSample(diagnosticsSample);
        }
        RunOutcome outcome;
        Backends.preflight(exp.simulator());
        try (ResultsFolderLock lock = ResultsFolderLock.whole(dir, "eqspice run " + (file != null ? file : DEFAULT),
                note -> err.println("eqspice: " + note));
             RunService service = RunService.open(Main.version())) {
            outcome = service.run(request, new RunListener() {
                // started when training starts (after the baseline), so that its time estimate is training's own
                private Progress progress;

                @Override
                public void note(String line) {
                    err.println(line);
                }

                @Override
                public void started(SimulatorInfo simulator) {
                    header(stdout, exp);
                    progress = new Progress(err, cfg.epochs(), quiet);
                }

                @Override
                public void baseline(BaselineTrainer.Result base) {
                    String result = cfg.task().classification() ? String.format(Locale.ROOT,
                            "train accuracy %.2f %%, test accuracy %.2f %%", 100 * base.last().trainAccuracy(),
                            100 * base.last().testAccuracy()) : String.format(Locale.ROOT, "loss %.4g V^2",
                            base.last().loss());
                    stdout.printf(Locale.ROOT, "backprop baseline (%d weights, learning rate %s): %s after %d epochs, "
                            + "%.2f s%n", base.parameters(), exp.baseline().get().learningRate(), result,
                            base.epochs().size(), base.seconds());
                    stdout.flush();
                    progress = new Progress(err, cfg.epochs(), quiet);
                }

                @Override
                public void epoch(EpochMetrics m) {
                    progress.epoch(m);
                }
            });
        } catch (CoSimulationMismatchException e) {
            stdout.println("stopped: " + e.getMessage() + " (simulator.stop_on_mismatch is true); results so far in "
                    + dir);
            return 3;
        }
        TrainingResult r = outcome.result();
        Convergence rule = Convergence.of(cfg);
        int reached = rule.firstReached(r.epochs());
        EpochMetrics last = r.epochs().get(r.epochs().size() - 1);
        stdout.printf(Locale.ROOT, "loss %s -> %s%s, train accuracy %.1f %%, %s, %d failed phases, %.1f s%n",
                LossFloor.text(r.initialLoss()), LossFloor.text(r.finalLoss()),
                LossFloor.ratio(r.initialLoss(), r.finalLoss()), 100 * Convergence.accuracy(last),
                r.converged() ? "converged at epoch " + r.epochsToConverge()
                        : reached > 0 ? "not converged (met the rule at epoch " + reached + ", lost it later)"
                        : "not converged", r.failedPhases(), r.seconds());
        stdout.println("converged means: " + rule.rule());
        if (cfg.task().classification()) {
            stdout.printf(Locale.ROOT, "EqProp on the circuit: train accuracy %.2f %%, test accuracy %.2f %%, "
                    + "%.1f s per epoch (median)%n", 100 * last.diagnostics().get("train_accuracy"),
                    100 * last.diagnostics().get("test_accuracy"), medianSeconds(r));
        }
        if (!r.firstFailure().isEmpty()) {
            stdout.println("first failed phase: " + r.firstFailure());
        }
        outcome.cosim().ifPresent(t -> stdout.printf(Locale.ROOT, "co-simulation: %d ngspice checks (the last on the "
                + "final network), largest node-voltage difference %.3e V, %d mismatches above %.3g V%s%n", t.checks(),
                t.maxDifference(), t.mismatches(), choice.tolerance(),
                t.firstMismatch().isEmpty() ? "" : "; first: " + t.firstMismatch()));
        stdout.println("solved by " + outcome.simulator().label() + "; results in " + dir);
        return 0;
    }

    /** What is about to run: the experiment, its circuit and devices, its task. */
    private static void header(PrintWriter stdout, Experiment exp) {
        TrainingConfig cfg = exp.config();
        stdout.printf(Locale.ROOT, "%s: %s, %s estimator, alpha %s, beta %s, %d epochs, seed %d, backend %s%n",
                exp.name(), ConfigDescription.of(cfg).get("network"), cfg.estimator().id(), cfg.alpha(), cfg.beta(),
                cfg.epochs(), cfg.seed(), exp.simulator().backend().id());
        if (exp.hardware().trainLevel() != Fidelity.Level.IDEAL) {
            stdout.println("training on the circuit " + exp.hardware().trainFidelity().label());
        }
        if (!exp.programming().ideal()) {
            stdout.println("device programming: " + exp.programming());
        }
        if (cfg.task().classification()) {
            stdout.printf(Locale.ROOT, "%s: %d training and %d test samples, %d classes%n", cfg.task().name(),
                    cfg.task().samples().size(), cfg.task().test().size(), cfg.task().classes());
        }
        stdout.flush();
    }

    private static double medianSeconds(TrainingResult r) {
        double[] s = r.epochs().stream().mapToDouble(EpochMetrics::seconds).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** An experiment shipped inside the jar (a copy of experiments/NAME). */
    static Experiment embedded(String name) {
        return ExperimentLoader.parse(Path.of("embedded:experiments", name), embeddedBytes(name));
    }

    private static byte[] embeddedBytes(String name) {
        try (InputStream in = RunCommand.class.getResourceAsStream("/eqspice/experiments/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the embedded experiment " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A progress line about ten times per run, with an estimate of the time left. */
    private static final class Progress {
        private final PrintWriter err;
        private final int epochs;
        private final int every;
        private final boolean quiet;
        private final long start = System.nanoTime();

        Progress(PrintWriter err, int epochs, boolean quiet) {
            this.err = err;
            this.epochs = epochs;
            this.every = Math.max(1, epochs / 10);
            this.quiet = quiet;
        }

        void epoch(EpochMetrics m) {
            if (quiet || (m.epoch() % every != 0 && m.epoch() != 1)) {
                return;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / m.epoch() * (epochs - m.epoch());
            // a classification's accuracy is its argmax accuracy; "within tolerance of every target" would be a
            // second, stricter accuracy next to it
            String acc = m.diagnostics().containsKey("test_accuracy") ? String.format(Locale.ROOT,
                    "train acc %5.1f%%  test acc %5.1f%%", 100 * m.diagnostics().get("train_accuracy"),
                    100 * m.diagnostics().get("test_accuracy")) : String.format(Locale.ROOT, "correct %3.0f%%",
                    100 * m.correctFraction());
            err.printf(Locale.ROOT, "  epoch %5d/%d  loss %-16s %s  failed %d  [%.1f s, %.0f s left]%n",
                    m.epoch(), epochs, LossFloor.text(m.loss()), acc, m.failedPhases(), elapsed, eta);
            err.flush();
        }
    }
}
