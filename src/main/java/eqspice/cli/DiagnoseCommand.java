package eqspice.cli;

import eqspice.diagnostics.DiagnosisTable;
import eqspice.diagnostics.DiagnosisVerdict;
import eqspice.results.DiagnosisFiles;
import eqspice.eqprop.Phase;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.Fidelity;
import eqspice.run.RunService;
import eqspice.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eqspice diagnose experiment.yaml}: the pseudo-power diagnostics of the experiment's
 * initial network (the network a run starts from) on one sample, phase by phase.
 */
@Command(name = "diagnose", description = {"Pseudo-power diagnostics of an experiment's initial network on one sample, "
        + "at a fidelity level (--level):",
    "power per element class and its share, pseudo-power (co-content), Tellegen and KCL residuals,",
    "and the variational check dP/dg (perturb and re-solve, PCM) against 1/2 dV^2 (VDM) for every conductance."})
final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "experiment file (YAML); see experiments/README.md")
    Path file;

    @Option(names = "--sample", paramLabel = "K", description = "index of the task's sample (default: ${DEFAULT-VALUE})")
    int sample = 0;

    @Option(names = "--phase", paramLabel = "PHASE", description = "free, +beta or -beta (default: all three)")
    String phase;

    @Option(names = "--level", paramLabel = "LEVEL", description = {"fidelity of the circuit diagnosed: ideal, "
        + "behavioural or transistor (default: the experiment's fidelity.train_level, else ideal); the non-ideal "
        + "parts follow the experiment's fidelity: section and are solved by ngspice"})
    String level;

    @Option(names = "--epsilon", paramLabel = "E",
            description = "relative conductance perturbation of the variational check (default: ${DEFAULT-VALUE})")
    double epsilon = 1e-4;

    @Option(names = "--out", paramLabel = "DIR", description = {"also write the tables as CSV into this folder: "
        + "diagnosis.csv (per phase and element class) and diagnosis-conductances.csv (the PCM-vs-VDM check per "
        + "conductance)"})
    Path out;

    @Override
    public Integer call() throws java.io.IOException {
        List<Phase> phases = phases();
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new ParameterException(spec.commandLine(), "--epsilon must be in (0, 0.5), got " + epsilon);
        }
        Fidelity.Level chosen;
        try {
            chosen = level == null ? null : Fidelity.Level.parse(level);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--level: " + e.getMessage());
        }
        Experiment exp = ExperimentLoader.load(file);
        Fidelity fidelity = Fidelity.of(chosen != null ? chosen : exp.hardware().trainLevel(), exp.fidelity());
        TrainingConfig cfg = exp.config();
        int samples = cfg.task().samples().size();
        if (sample < 0 || sample >= samples) { // before ngspice starts: a typo should not cost a library load
            throw new ParameterException(spec.commandLine(), "--sample must be in 0.." + (samples - 1) + " (task '"
                    + cfg.task().name() + "' has " + samples + " samples), got " + sample);
        }
        PrintWriter out = spec.commandLine().getOut();
        RunService.Diagnosis diagnosis;
        try (RunService service = RunService.open(Main.version())) {
            diagnosis = service.diagnose(exp, fidelity, sample, phases, epsilon);
        }
        out.printf(Locale.ROOT, "%s, initial network (seed %d), sample %d: x = %s V, y = %s V, beta %s S%n",
                exp.name(), cfg.seed(), sample, Arrays.toString(cfg.task().samples().get(sample).x()),
                Arrays.toString(cfg.task().samples().get(sample).y()), cfg.beta());
        out.printf("circuit: %s%n", fidelity.label());
        out.printf("solver: %s; %s%n", cfg.solver().label(), diagnosis.simulator().label());
        out.print(DiagnosisTable.format(diagnosis.phases()));
        out.println(DiagnosisVerdict.of(diagnosis.phases()));
        if (this.out != null) {
            out.println("wrote " + String.join(" and ", DiagnosisFiles.write(this.out, diagnosis.phases()).stream()
                    .map(Path::toString).toList()));
        }
        out.flush();
        return 0;
    }

    private List<Phase> phases() {
        if (phase == null) {
            return List.of(Phase.FREE, Phase.POSITIVE, Phase.NEGATIVE);
        }
        for (Phase p : Phase.values()) {
            if (p.label().equals(phase)) {
                return List.of(p);
            }
        }
        throw new ParameterException(spec.commandLine(), "--phase must be free, +beta or -beta, got '" + phase + "'");
    }
}
