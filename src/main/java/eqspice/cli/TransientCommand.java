package eqspice.cli;

import eqspice.dynamics.Capacitances;
import eqspice.dynamics.CutShort;
import eqspice.dynamics.DynamicsSetup;
import eqspice.dynamics.PhaseDynamics;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.ConductanceTable;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.results.DynamicsReport;
import eqspice.results.Provenance;
import eqspice.results.RunFolder;
import eqspice.run.RunService;
import eqspice.simulate.TransientSimulator;
import eqspice.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice transient}: the EqProp phases of chosen samples in time (stability, settling, energy, cut-short). */
@Command(name = "transient", description = {"Run the free and nudged phases of chosen samples as one transient "
        + "analysis, each phase from the state the one before left, with a capacitance on every crossbar node and "
        + "across every device (plus what the op-amp and diode models carry).",
    "Per phase: whether it settles to the DC operating point (else: oscillation amplitude and frequency, the rail it "
        + "latched to, or how far off it stays), the settling time to --tolerance, the energy every source group "
        + "delivers, and per sample the energy of its training step. Then the gradient estimate with every phase cut "
        + "short at T, against the DC estimate (cosine, per-layer scale). Writes phases.csv, cut-short.csv and "
        + "cut-short.png; docs/hardware-handoff.md explains them.",
    "SOURCE is a finished run's folder (its trained conductances) or an experiment file (its initial network)."})
final class TransientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "a run's folder, e.g. results/kiraz-case1-transistor, or an "
        + "experiment file (.yaml)")
    Path source;

    @Option(names = "--level", paramLabel = "LEVEL", description = "ideal, behavioural or transistor (default: the "
        + "experiment's fidelity.train_level)")
    String level;

    @Option(names = "--samples", split = ",", paramLabel = "K", description = "sample numbers to run (default: all, "
        + "up to the first 8)")
    List<Integer> samples;

    @Option(names = "--phase-time", paramLabel = "S", defaultValue = "1e-5", description = "length of each phase of "
        + "the full run (s, default ${DEFAULT-VALUE})")
    double phaseTime;

    @Option(names = "--max-step", paramLabel = "S", description = "largest time step (s, default: phase time / 1000)")
    Double maxStep;

    @Option(names = "--node-cap", paramLabel = "F", defaultValue = "1e-12", description = "capacitance from every "
        + "crossbar node to ground (F, default ${DEFAULT-VALUE})")
    double nodeCap;

    @Option(names = "--device-cap", paramLabel = "F", defaultValue = "1e-14", description = "capacitance across every "
        + "crossbar device (F, default ${DEFAULT-VALUE})")
    double deviceCap;

    @Option(names = "--tolerance", paramLabel = "V", defaultValue = "1e-6", description = "settled: every node stays "
        + "within this of its DC value (V, default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--cut", split = ",", paramLabel = "T", description = "phase lengths for the cut-short study (s; "
        + "default: 13 from phase time / 1000 to phase time, log-spaced)")
    List<Double> cuts;

    @Option(names = "--no-cut", description = "skip the cut-short study")
    boolean noCut;

    @Option(names = "--repeat", defaultValue = "1", description = "run the full-length phases this many times and "
        + "report the median time of a transient phase against a DC phase (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the files (default: RUN_DIR/transient, "
        + "or results/<name>/transient for an experiment file)")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be >= 1, got " + repeat);
        }
        boolean run = Files.isDirectory(source);
        RunFolder folder = run ? RunFolder.of(source) : null;
        Experiment exp = ExperimentLoader.load(run ? folder.experiment() : source);
        TrainingConfig cfg = exp.config();
        LayeredNetwork net = run ? ConductanceTable.read(folder.conductances(), cfg.spec())
                : LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        Fidelity fidelity = level == null ? exp.hardware().trainFidelity() : Fidelity.of(Fidelity.Level.parse(level),
                exp.fidelity());
        int n = cfg.task().samples().size();
        List<Integer> chosen = samples != null ? samples : IntStream.range(0, Math.min(n, 8)).boxed().toList();
        DynamicsSetup setup = DynamicsSetup.of(net, fidelity, cfg.solver(), cfg.task().samples(), cfg.estimator(),
                cfg.beta()).withSamples(cfg.task().samples(), chosen).withPhaseTime(phaseTime)
                .withCapacitances(new Capacitances(nodeCap, deviceCap)).withTolerance(tolerance);
        if (maxStep != null) {
            setup = setup.withMaxStep(maxStep);
        }
        List<Double> times = noCut ? List.of() : cuts != null ? cuts : CutShort.logSpaced(phaseTime / 1000, phaseTime, 13);
        Path target = out != null ? out : run ? source.resolve("transient") : Path.of("results", exp.name(), "transient");
        PrintWriter stdout = spec.commandLine().getOut();
        try (RunService service = RunService.open(Main.version())) {
            TransientSimulator ng = service.ngspice(cfg.solver()); // its linear solver probed, for the provenance
            List<String> prov = new ArrayList<>(Provenance.of(Main.version(), ng.info(), cfg.solver(), cfg.seed(),
                    exp.file().toString(), exp.sha256()).lines());
            prov.add((run ? "trained conductances " + folder.conductances() : "initial network, seed " + cfg.seed())
                    + "; samples " + chosen + "; " + cfg.estimator().id() + " estimator, beta " + cfg.beta() + " S");
            prov.add("circuit: " + fidelity.label() + "; " + setup.capacitances().label());
            prov.add(String.format(Locale.ROOT, "phases of %s s, steps up to %s s, settling tolerance %s V",
                    setup.phaseTime(), setup.maxStep(), setup.tolerance()));
            stdout.println(exp.name() + ": " + chosen.size() + " sample(s), " + fidelity.label());
            stdout.println(setup.capacitances().label() + "; phases of " + setup.phaseTime() + " s; settled = within "
                    + setup.tolerance() + " V of the DC point");
            double[] transientTimes = new double[repeat];
            double[] dcTimes = new double[repeat];
            double[] ratios = new double[repeat];
            PhaseDynamics.Report report = null;
            for (int r = 0; r < repeat; r++) {
                report = PhaseDynamics.run(ng, setup);
                transientTimes[r] = report.transientSeconds() / report.phases().size();
                dcTimes[r] = report.dcSeconds() / report.phases().size();
                ratios[r] = transientTimes[r] / dcTimes[r];
            }
            DynamicsReport.phaseTable(report).forEach(stdout::println);
            stdout.printf(Locale.ROOT, "time per phase: transient %.4g s, DC %.4g s, ratio %.1f (medians of %d runs, "
                    + "each timing both; %d time points)%n", median(transientTimes), median(dcTimes), median(ratios), repeat,
                    report.run().trajectory().length());
            stdout.println("wrote " + DynamicsReport.writePhases(target, report, prov));
            if (!times.isEmpty()) {
                List<CutShort.Row> rows = CutShort.run(ng, setup, times);
                DynamicsReport.cutTable(rows).forEach(stdout::println);
                stdout.println("wrote " + DynamicsReport.writeCutShort(target, rows, prov) + " and "
                        + DynamicsReport.writePlot(target, rows, exp.name() + ", " + fidelity.id() + ": every phase cut at T"));
            }
        }
        return 0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
