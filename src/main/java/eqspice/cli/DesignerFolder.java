package eqspice.cli;

import eqspice.eqprop.Readout;
import eqspice.circuit.SolverOptions;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.ConductanceTable;
import eqspice.network.CrossbarCircuit;
import eqspice.network.DesignerExport;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.network.SubcircuitTestbench;
import eqspice.results.RunWriter;
import eqspice.run.RunService;
import eqspice.task.Sample;
import eqspice.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code eqspice export SOURCE --level L --out DIR}: the network of a finished run (its folder)
 * or of an experiment file (initial, or trained with {@code --trained}) written as a
 * {@link DesignerExport} folder, after eqspice has solved the same circuit itself so that the
 * README can quote the outputs a designer should see.
 */
final class DesignerFolder {
    private final PrintWriter stdout;

    DesignerFolder(PrintWriter stdout) {
        this.stdout = stdout;
    }

    int write(Path source, Fidelity.Level level, Path out, int sample, boolean trained) throws IOException {
        if (out == null) {
            throw new IllegalArgumentException("--level writes a folder: give it with --out DIR");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; with --level it names a folder");
        }
        boolean run = Files.isDirectory(source);
        boolean preset = source.toString().equals("kiraz-case1") && !Files.exists(source);
        Experiment exp = preset ? RunCommand.embedded(RunCommand.DEFAULT)
                : ExperimentLoader.load(run ? source.resolve(RunWriter.EXPERIMENT) : source);
        TrainingConfig cfg = exp.config();
        if (sample < 0 || sample >= cfg.task().samples().size()) {
            throw new IllegalArgumentException("--sample must be between 0 and " + (cfg.task().samples().size() - 1));
        }
        if (run && trained) {
            throw new IllegalArgumentException("--trained trains an experiment file; a run's folder already holds "
                    + "its trained conductances");
        }
        Fidelity fidelity = Fidelity.of(level, exp.fidelity());
        Sample s = cfg.task().samples().get(sample);
        try (RunService service = RunService.open(Main.version())) {
            LayeredNetwork net;
            String how;
            if (run) {
                Path csv = source.resolve(RunWriter.CONDUCTANCES);
                if (!Files.isRegularFile(csv)) {
                    throw new IllegalArgumentException(source + ": no " + RunWriter.CONDUCTANCES
                            + " (the run did not finish); export its experiment file with --trained instead");
                }
                net = ConductanceTable.read(csv, cfg.spec());
                how = "trained by eqspice run: " + source.resolve(RunWriter.CONDUCTANCES) + " (experiment "
                        + exp.name() + ", sha256 " + exp.sha256() + ")";
            } else {
                net = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
                how = String.format(Locale.ROOT, "experiment %s (sha256 %s): initial conductances uniform in [%s, %s] S, "
                        + "seed %d", exp.file(), exp.sha256(), cfg.initLow(), cfg.initHigh(), cfg.seed());
                if (trained) {
                    // as eqspice run trains it: the experiment's backend, circuit, devices and phase strategy
                    var r = service.train(exp, Optional.empty()).result();
                    net = r.finalNetwork();
                    how += String.format(Locale.ROOT, "; trained %d epochs at the %s level: loss %.4g -> %.4g",
                            cfg.epochs(), exp.hardware().trainLevel().id(), r.initialLoss(), r.finalLoss());
                }
            }
            String name = exp.name().replace('.', '-');
            List<String> prov = List.of("eqspice " + Main.version() + ", " + how, "task " + cfg.task().name()
                    + ", sample " + sample + " of " + cfg.task().samples().size());
            SolverOptions options = cfg.solver();
            String readout = DesignerExport.Sheet.readout(cfg.task().samples().stream().map(Sample::y).toList());
            List<double[]> inputs = cfg.task().samples().stream().map(Sample::x).toList();
            CrossbarCircuit builder = new CrossbarCircuit(cfg.spec(), fidelity);
            double[] harness = Readout.solveEach(service.ngspice(options), builder, net, List.of(s.x()), options).get(0);
            SolverOptions tight = SubcircuitTestbench.options(options);
            List<double[]> solved = Readout.solveEach(service.ngspice(tight), builder, net, inputs, tight);
            if (solved.contains(null)) {
                stdout.println("warning: eqspice could not solve the exported circuit itself for sample(s) "
                        + java.util.stream.IntStream.range(0, solved.size()).filter(k -> solved.get(k) == null).boxed().toList()
                        + "; the testbench prints no eqspice column");
            }
            var samples = new SubcircuitTestbench.Samples(inputs, cfg.task().samples().stream().map(Sample::y).toList(),
                    solved, cfg.task().tolerance());
            DesignerExport.Exported f = DesignerExport.write(out, net, fidelity,
                    new DesignerExport.Sheet(name, s.x(), s.y(), cfg.task().tolerance(), harness, readout, prov, samples),
                    options);
            stdout.println("wrote " + f.dir() + ": " + f.files().size() + " files; run: cd " + f.dir() + " && ngspice -b "
                    + f.netlist().getFileName() + "  (every sample through the subcircuit: ngspice -b "
                    + f.testbench().getFileName() + ")");
        }
        return 0;
    }
}
