package eqspice.cli;

import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetlistExport;
import eqspice.run.RunService;
import eqspice.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

/**
 * {@code eqspice export}: a standalone netlist a designer runs with {@code ngspice -b}, plus its
 * weights as CSV; with {@code --level}, a self-contained designer folder at that fidelity.
 */
@Command(name = "export", description = {"Write a standalone ngspice netlist (.op and options included) and "
        + "<name>.conductances.csv for a preset or an experiment's network.",
    "SOURCE is the preset kiraz-case1 (the shipped netlists/kiraz-case1.cir) or an experiment file: its initial "
        + "network from its seed, or with --trained the network after training.",
    "With --level ideal|behavioural|transistor, --out names a folder: the netlist with relative includes of the "
        + "model files it needs (lib/), conductances.csv and a README for designers. SOURCE may then also be a "
        + "finished run's folder (its experiment.yaml and trained conductances.csv); kiraz-case1 is the embedded "
        + "experiment."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "kiraz-case1, or an experiment file (.yaml)")
    String source;

    @Option(names = "--out", paramLabel = "FILE.cir|DIR", description = "netlist to write (default: netlists/<name>.cir); "
        + "with --level, the folder to write (required)")
    Path out;

    @Option(names = "--level", paramLabel = "LEVEL", description = "ideal, behavioural or transistor: write a designer "
        + "folder at that fidelity (parts from the experiment's fidelity: section)")
    String level;

    @Option(names = "--sample", defaultValue = "0", description = "whose inputs the sources hold (default: ${DEFAULT-VALUE})")
    int sample;

    @Option(names = "--trained", description = "train first (as eqspice run does) and export the trained weights")
    boolean trained;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (level != null) {
            return new DesignerFolder(stdout).write(Path.of(source), Fidelity.Level.parse(level), out, sample, trained);
        }
        if (Files.isDirectory(Path.of(source))) {
            throw new IllegalArgumentException(source + " is a folder: a run's folder is exported with --level "
                    + "ideal|behavioural|transistor --out DIR");
        }
        if (out != null) {
            dir(out, ""); // a .cir name first, so that the stem below is the name
            NetlistExport.checkName(stem(out));
        }
        if ("kiraz-case1".equals(source) && !Files.exists(Path.of(source))) {
            NetlistExport.Exported f = NetlistExport.writeKirazCase1(dir(out, "kiraz-case1"),
                    out != null ? stem(out) : "kiraz-case1");
            stdout.println("wrote " + f.netlist() + " and " + f.conductances());
            return 0;
        }
        Experiment exp = ExperimentLoader.load(Path.of(source));
        TrainingConfig cfg = exp.config();
        if (sample < 0 || sample >= cfg.task().samples().size()) {
            throw new IllegalArgumentException("--sample must be between 0 and " + (cfg.task().samples().size() - 1));
        }
        LayeredNetwork net = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        String how = String.format(Locale.ROOT, "experiment %s (sha256 %s): initial conductances uniform in [%s, %s] S, seed %d",
                exp.file(), exp.sha256(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        if (trained) {
            try (RunService service = RunService.open(Main.version())) {
                // as eqspice run trains it: the experiment's backend, circuit, devices and phase strategy
                RunService.Trained t = service.train(exp, Optional.empty());
                net = t.result().finalNetwork();
                how += String.format(Locale.ROOT, "; trained %d epochs (%s estimator, alpha %s, beta %s) by %s: loss %.4g -> %.4g",
                        cfg.epochs(), cfg.estimator().id(), cfg.alpha(), cfg.beta(), t.simulator().label(),
                        t.result().initialLoss(), t.result().finalLoss());
            }
        }
        String name = out != null ? stem(out) : exp.name();
        NetlistExport.Exported f = NetlistExport.write(dir(out, name), name, net, cfg.task().samples().get(sample).x(),
                cfg.solver(), List.of("eqspice " + Main.version() + ", " + how));
        stdout.println("wrote " + f.netlist() + " and " + f.conductances());
        return 0;
    }

    private static Path dir(Path out, String name) {
        if (out == null) {
            return Path.of("netlists");
        }
        if (!out.getFileName().toString().endsWith(".cir")) {
            throw new IllegalArgumentException("--out must name a .cir file, got " + out);
        }
        Path parent = out.toAbsolutePath().getParent();
        return parent;
    }

    private static String stem(Path out) {
        String n = out.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }
}
