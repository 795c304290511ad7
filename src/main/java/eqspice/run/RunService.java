package eqspice.run;

import eqspice.baseline.BaselineTrainer;
import eqspice.circuit.SolverOptions;
import eqspice.cosim.CoSimProbe;
import eqspice.cosim.CoSimulator;
import eqspice.diagnostics.ActivationBend;
import eqspice.diagnostics.CrossbarDiagnosis;
import eqspice.diagnostics.EpochDiagnostics;
import eqspice.diagnostics.FidelityValidation;
import eqspice.diagnostics.PhaseDiagnosis;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.GradientCheck;
import eqspice.eqprop.Phase;
import eqspice.eqprop.PhaseStrategy;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.ConductanceTable;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.results.ConfigDescription;
import eqspice.results.Provenance;
import eqspice.results.RunFolder;
import eqspice.results.RunWriter;
import eqspice.results.ValidationReport;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.TransientSimulator;
import eqspice.train.Accuracy;
import eqspice.train.EpochProbe;
import eqspice.train.Trainer;
import eqspice.study.Attribution;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an experiment into a finished run, and into the other things eqspice does with one
 * (a gradient check, a diagnosis, a validation of a trained network). Every command and the
 * sweep's workers come through here, so that all of them solve an experiment on the backend
 * its {@code simulator:} section names, with the phase strategy asked for, and record the same
 * provenance. The service owns the simulators it opens ({@link Backends}); close it when done.
 * One service may serve many runs one after another (a sweep worker), never two at once.
 */
public final class RunService implements AutoCloseable {
    /** Relative conductance perturbation of the per-epoch diagnostics' variational check. */
    private static final double DIAGNOSTICS_EPSILON = 1e-4;

    private final Backends backends;
    private final String version;

    /**
     * @param backends the simulators; closed with the service
     * @param version  the eqspice version recorded in provenance
     */
    public RunService(Backends backends, String version) {
        this.backends = backends;
        this.version = version;
    }

    /** A service for runs and commands: ngspice (when used) survives its own exit. */
    public static RunService open(String version) {
        return new RunService(Backends.restarting(), version);
    }

    /**
     * A service for a sweep worker process: one ngspice instance, not replaced when it exits; the
     * worker asks {@link #ngspiceExited()} after each point and ends, and its coordinator starts a
     * fresh process.
     */
    public static RunService forWorker(String version) {
        return new RunService(Backends.singleInstance(), version);
    }

    /**
     * Trains the request's experiment and writes its results folder: provenance.json,
     * experiment.yaml, metrics.csv, the baseline's table when there is one, summary.json and
     * conductances.csv (last: a folder is complete when it is there).
     *
     * @throws eqspice.cosim.CoSimulationMismatchException when a co-simulation mismatch stops the run
     */
    public RunOutcome run(RunRequest request, RunListener listener) {
        Experiment exp = request.experiment();
        TrainingConfig cfg = exp.config();
        PhaseStrategy strategy = request.strategy();
        Simulator sim = backends.open(exp.simulator(), cfg.solver());
        CoSimulator cosim = sim instanceof CoSimulator c ? c : null;
        Provenance prov = Provenance.of(version, sim.info(), cfg.solver(), cfg.seed(), exp.file().toString(),
                exp.sha256());
        Map<String, Object> config = new LinkedHashMap<>(ConfigDescription.of(cfg));
        config.put("simulator", exp.simulator().label());
        config.put("phases", strategy.label());
        backends.solverNote(cfg.solver()).ifPresent(listener::note);
        listener.started(sim.info());
        EpochProbe probe = EpochProbe.both(request.diagnosticsSample().isPresent()
                ? new EpochDiagnostics(sim, cfg, request.diagnosticsSample().getAsInt(), DIAGNOSTICS_EPSILON,
                exp.hardware().trainFidelity()) : null, cosim == null ? null : new CoSimProbe(cosim));
        // A classification run's metrics carry its accuracies (train, test).
        List<String> columns = new ArrayList<>(cfg.task().classification() ? Accuracy.COLUMNS : List.of());
        if (probe != null) {
            columns.addAll(probe.columns());
        }
        TrainingResult r;
        Optional<FinalScore> score = Optional.empty();
        try (RunWriter writer = new RunWriter(request.out(), prov, config, columns)) {
            writer.experiment(request.experimentYaml().orElseGet(() -> ExperimentLoader.readBytes(exp.file())));
            // the trainer draws the same network from the same seed (Trainer.train)
            writer.initialNetwork(LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed()));
            if (request.baseline() && exp.baseline().isPresent()) {
                BaselineTrainer.Result base = BaselineTrainer.train(cfg, exp.baseline().get(), e -> { });
                writer.baseline(base);
                listener.baseline(base);
            }
            r = Trainer.train(sim, cfg, Trainer.Options.defaults()
                    .withComments(prov.lines())
                    .withOnEpoch(m -> {
                        writer.epoch(m);
                        listener.epoch(m);
                    })
                    .withProbe(probe)
                    .withFidelity(exp.hardware().trainFidelity())
                    .withProgramming(exp.programming())
                    .withStrategy(strategy));
            Map<String, Object> extra = new LinkedHashMap<>();
            if (cosim != null) {
                extra.put("cosimulation", CoSimProbe.summary(cosim, cosim.checkNow())); // the final network
            }
            if (request.scoreFinalNetwork()) {
                score = Optional.of(FinalScore.of(sim, exp, r.finalNetwork(), prov.lines(), strategy));
                extra.put("final_network", score.get().summary());
            }
            // on the solving backend alone: these solves are not checks of the trained run
            ActivationBend.measure(cosim != null ? cosim.primary() : sim, r.finalNetwork(), exp.hardware().trainFidelity(), cfg.solver(),
                    cfg.task().samples()).ifPresent(bend -> {
                        extra.put("activation", bend.summary());
                        bend.warning().ifPresent(listener::note);
                    });
            writer.summary(r, extra);
        }
        return new RunOutcome(r, sim.info(), cosim == null ? Optional.empty() : Optional.of(cosim.total()), score,
                request.out());
    }

    /**
     * Why a finished run of {@code exp} ended as it did (its {@code study:} section; empty cells
     * when it has none): the outcome and the mechanisms, measured on the backend that trained it.
     */
    public Map<String, String> attribution(Experiment exp, TrainingResult result, Optional<PhaseStrategy> phases) {
        if (exp.study().isEmpty()) {
            return Map.of();
        }
        TrainingConfig cfg = exp.config();
        Simulator sim = backends.open(exp.simulator(), cfg.solver());
        return Attribution.measure(sim, cfg, exp.hardware().trainFidelity(),
                PhaseStrategy.chosenOrDefault(phases, cfg.solver()), result, exp.study().get());
    }

    /** A trained network and what solved it. */
    public record Trained(TrainingResult result, SimulatorInfo simulator) {
    }

    /**
     * Trains the experiment as {@link #run} would (its backend, fidelity, device programming
     * and the phase strategy), without writing a results folder.
     */
    public Trained train(Experiment exp, Optional<PhaseStrategy> phases) {
        TrainingConfig cfg = exp.config();
        Simulator sim = backends.open(exp.simulator(), cfg.solver());
        TrainingResult r = Trainer.train(sim, cfg, Trainer.Options.defaults()
                .withFidelity(exp.hardware().trainFidelity())
                .withProgramming(exp.programming())
                .withStrategy(PhaseStrategy.chosenOrDefault(phases, cfg.solver())));
        return new Trained(r, sim.info());
    }

    /** The rows of a gradient check and what it was measured on. */
    public record GradientCheckReport(List<GradientCheck.Row> rows, int conductances, Fidelity fidelity,
                                      SimulatorInfo simulator) {
    }

    /**
     * EqProp's estimate against a finite-difference gradient on the experiment's initial network,
     * all its samples, on the circuit it trains ({@code fidelity.train_level}).
     */
    public GradientCheckReport gradientCheck(Experiment exp, List<Double> betas, List<Estimator> estimators,
                                             double relativeStep, Optional<PhaseStrategy> phases) {
        TrainingConfig cfg = exp.config();
        Simulator sim = backends.open(exp.simulator(), cfg.solver());
        LayeredNetwork net = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        Fidelity fidelity = exp.hardware().trainFidelity();
        CrossbarSession session = CrossbarSession.builder(sim, net)
                .fidelity(fidelity)
                .options(cfg.solver())
                .strategy(PhaseStrategy.chosenOrDefault(phases, cfg.solver()))
                .open();
        // scaled per layer as training scales it (training.layer_scaling): the check measures the step taken
        List<GradientCheck.Row> rows = GradientCheck.run(session, cfg.task().samples(), betas, estimators,
                relativeStep, cfg.layerScaling());
        return new GradientCheckReport(rows, session.conductors().size(), fidelity, sim.info());
    }

    /** A diagnosis, phase by phase, and what solved it. */
    public record Diagnosis(List<PhaseDiagnosis> phases, SimulatorInfo simulator) {
    }

    /**
     * The pseudo-power diagnostics of the experiment's initial network on one sample, at
     * {@code fidelity}: on the experiment's backend at the ideal level, on ngspice otherwise (the
     * embedded solver has no op-amp subcircuits, 1N4148 or sinh devices).
     */
    public Diagnosis diagnose(Experiment exp, Fidelity fidelity, int sample, List<Phase> phases, double epsilon) {
        TrainingConfig cfg = exp.config();
        Simulator sim = fidelity.level() == Fidelity.Level.IDEAL ? backends.open(exp.simulator(), cfg.solver())
                : backends.ngspice(cfg.solver());
        return new Diagnosis(CrossbarDiagnosis.initial(sim, cfg, fidelity, sample, phases, epsilon, List.of()),
                sim.info());
    }

    /**
     * A finished run's trained network at every fidelity level, solved by ngspice.
     *
     * @param experiment the run's experiment (read from its folder)
     * @param levels     one result per fidelity level (and per part with {@code byPart})
     * @param csv        validation.csv
     * @param plot       validation-deviation.png
     */
    public record Validation(Experiment experiment, Path conductances, List<FidelityValidation.LevelResult> levels,
                             Path csv, Path plot) {
    }

    /** Validates the run in {@code runDir} and writes validation.csv and its plot into {@code target}. */
    public Validation validate(Path runDir, Path target, boolean byPart) throws IOException {
        RunFolder folder = RunFolder.of(runDir);
        Path yaml = folder.experiment();
        Path csv = folder.conductances();
        Experiment exp = ExperimentLoader.load(yaml);
        LayeredNetwork net = ConductanceTable.read(csv, exp.config().spec());
        Files.createDirectories(target);
        TrainingConfig cfg = exp.config();
        Simulator ng = backends.ngspice(cfg.solver());
        List<FidelityValidation.LevelResult> levels = FidelityValidation.run(ng, net, cfg.task(), exp.fidelity(),
                cfg.solver(), byPart);
        int n = cfg.task().samples().size();
        List<String> prov = new ArrayList<>(Provenance.of(version, ng.info(), cfg.solver(), cfg.seed(),
                yaml.toString(), exp.sha256()).lines());
        prov.add("validated " + csv + " on task " + cfg.task().name() + " (" + n + " samples, tolerance "
                + cfg.task().tolerance() + " V)");
        return new Validation(exp, csv, levels, ValidationReport.writeCsv(target, levels, n, prov),
                ValidationReport.writePlot(target, levels));
    }

    /**
     * What would solve an experiment with this backend and these solver options, for a sweep's
     * provenance; ngspice is opened (and its linear solver probed) when {@code openNgspice}.
     */
    public SimulatorInfo simulatorInfo(BackendChoice choice, SolverOptions options, boolean openNgspice) {
        if (openNgspice) {
            backends.ngspice(options);
        }
        return backends.open(choice, options).info();
    }

    /**
     * ngspice itself, for solving a circuit outside a run (an exported netlist at any fidelity
     * level, phases in time); its linear solver probed for {@code options}.
     */
    public TransientSimulator ngspice(SolverOptions options) {
        return backends.ngspice(options);
    }

    /** Whether ngspice has exited for good (a worker's single instance): the worker should end. */
    public boolean ngspiceExited() {
        return backends.ngspiceExited();
    }

    @Override
    public void close() {
        backends.close();
    }
}
