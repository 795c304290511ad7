package eqspice.cli;

import eqspice.bench.BindingBench;
import eqspice.bench.TrainBench;
import eqspice.circuit.SolverOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eqspice bench ...}: the benchmarks the issues' performance criteria name. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: figures are medians of repeated runs, with their baselines.",
        subcommands = {BenchCommand.Binding.class, BenchCommand.Netlist.class, BenchCommand.Train.class,
            BenchCommand.SweepRate.class, BenchCommand.Memory.class,
            BenchCommand.Soak.class, BenchCommand.Backends.class, BenchCommand.Phases.class,
            BenchCommand.PhaseSoakChild.class, BenchCommand.Study.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("name a benchmark: binding, netlist, train, sweep, soak, backends, phases, study");
    }

    /** {@code eqspice bench binding}. */
    @Command(name = "binding", mixinStandardHelpOptions = true, description = {"Operating point through eqspice vs. the ngspice -b program on resistor "
            + "grids of ~1k, 10k, 80k resistors; memory over many solves."})
    static final class Binding implements Callable<Integer> {
        @Option(names = "--solves", defaultValue = "10000", description = "solves for the memory figure (default ${DEFAULT-VALUE})")
        int solves;

        @Option(names = "--no-klu", description = "use ngspice's default sparse solver instead of KLU")
        boolean noKlu;

        @Override
        public Integer call() throws IOException {
            BindingBench.run(System.out, SolverOptions.DEFAULT.withKlu(!noKlu), solves);
            return 0;
        }
    }

    /** {@code eqspice bench train}. */
    @Command(name = "train", mixinStandardHelpOptions = true, description = {"EqProp phases per second and the harness's overhead per phase over the "
            + "ngspice -b solve, on the 2-2-1 Kiraz circuit and a 64-32-10 Kendall network."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "5", description = "measuring time per network (default ${DEFAULT-VALUE})")
        double seconds;

        @Override
        public Integer call() throws IOException {
            TrainBench.run(System.out, SolverOptions.DEFAULT, seconds);
            return 0;
        }
    }

    /** {@code eqspice bench sweep}. */
    @Command(name = "sweep", mixinStandardHelpOptions = true, description = {"Points per minute of the small Kiraz sweep with 1 and 2 worker processes "
            + "and with 2 library copies in one JVM; projected wall time of the full sweep."})
    static final class SweepRate implements Callable<Integer> {
        @Option(names = "--small", defaultValue = "experiments/kiraz-alpha-beta-small.yaml", description = "sweep to time")
        java.nio.file.Path small;

        @Option(names = "--full", defaultValue = "experiments/kiraz-alpha-beta.yaml", description = "sweep to project")
        java.nio.file.Path full;

        @Override
        public Integer call() throws IOException {
            eqspice.bench.SweepBench.run(System.out, eqspice.sweep.Sweep.load(small), eqspice.sweep.Sweep.load(full),
                    (dir, n) -> SweepCommand.workerCommand(small, dir, n, "auto"), Main.version());
            return 0;
        }
    }

    /** {@code eqspice bench study}. */
    @Command(name = "study", mixinStandardHelpOptions = true, description = {"Training runs per minute of a study (default: the full Kiraz alpha/beta "
            + "study, every 50th run) on the ngspice reference path, faster ngspice paths and the embedded backend, in "
            + "one run; ratios to the reference and agreement with it (converged flags, epochs, final losses)."})
    static final class Study implements Callable<Integer> {
        @Option(names = "--study", defaultValue = "experiments/kiraz-alpha-beta.yaml", description = "the sweep (default ${DEFAULT-VALUE})")
        java.nio.file.Path study;

        @Option(names = "--stride", defaultValue = "50", description = "time every n-th run of the study (default ${DEFAULT-VALUE})")
        int stride;

        @Option(names = "--full", description = "time every run of the study (--stride 1)")
        boolean full;

        @Option(names = "--epochs", defaultValue = "0", description = "epochs per run (default: the study's)")
        int epochs;

        @Option(names = "--repeats", defaultValue = "3", description = "repetitions, medians reported (default ${DEFAULT-VALUE})")
        int repeats;

        @Override
        public Integer call() {
            if (epochs < 0) {
                throw new IllegalArgumentException("--epochs must be >= 0 (0: the study's), got " + epochs);
            }
            eqspice.sweep.Sweep sweep = eqspice.sweep.Sweep.load(study);
            eqspice.bench.StudyBench.run(System.out, sweep,
                    eqspice.bench.StudyBench.select(sweep, full ? 1 : stride, epochs),
                    eqspice.bench.StudyBench.defaultPaths(), repeats);
            return 0;
        }
    }

    /** {@code eqspice bench netlist}. */
    @Command(name = "netlist", mixinStandardHelpOptions = true, description = {"Time to build and write a 784-100-10 network (~80k resistors) against "
            + "the time ngspice takes to load and solve it; goal: under 10 %%."})
    static final class Netlist implements Callable<Integer> {
        @Option(names = "--repeats", defaultValue = "7", description = "repeats per measurement (default ${DEFAULT-VALUE})")
        int repeats;

        @Override
        public Integer call() {
            eqspice.bench.NetlistBench.run(System.out, repeats);
            return 0;
        }
    }

    /** {@code eqspice bench memory}: the memory part of the binding bench, run in a child JVM by it. */
    @Command(name = "memory", mixinStandardHelpOptions = true, hidden = true, description = "Resident memory over many solves of the ~1k grid.")
    static final class Memory implements Callable<Integer> {
        @Option(names = "--solves", defaultValue = "10000")
        int solves;

        @Override
        public Integer call() {
            BindingBench.memory(System.out, SolverOptions.DEFAULT, solves);
            return 0;
        }
    }

    /** {@code eqspice bench soak}. */
    @Command(name = "soak", mixinStandardHelpOptions = true, description = {"Train without pause on one ngspice instance and print resident memory, "
            + "open file descriptors and the median phase time every minute."})
    static final class Soak implements Callable<Integer> {
        @Option(names = "--minutes", defaultValue = "60", description = "how long (default ${DEFAULT-VALUE})")
        double minutes;

        @Option(names = "--experiment", description = "what to train (default: the embedded kiraz-case1)")
        java.nio.file.Path experiment;

        @Override
        public Integer call() {
            if (!(minutes > 0)) {
                throw new IllegalArgumentException("--minutes must be > 0, got " + minutes);
            }
            eqspice.bench.SoakBench.run(System.out, experiment == null ? RunCommand.embedded(RunCommand.DEFAULT)
                    : eqspice.experiment.ExperimentLoader.load(experiment), minutes);
            return 0;
        }
    }

    /** {@code eqspice bench phases}. */
    @Command(name = "phases", mixinStandardHelpOptions = true, description = {"Cost of an EqProp phase per strategy (reload, alter+op, external+op, "
            + "dc sweep per sample and per 8 samples, KLU vs sparse) against the ngspice -b solve, with a check that all "
            + "give the same node voltages; conductance updates; scaling plot; memory soak."})
    static final class Phases implements Callable<Integer> {
        @Option(names = "--networks", split = ",", defaultValue = "2-2-1,64-32-10,196-100-10,784-100-10",
                description = "networks inputs-hidden-outputs (default ${DEFAULT-VALUE})")
        java.util.List<String> networks;

        @Option(names = "--seconds", defaultValue = "4", description = "timing budget per strategy and network "
                + "(default ${DEFAULT-VALUE}); at least 3 samples are timed")
        double seconds;

        @Option(names = "--parts", split = ",", defaultValue = "strategies,updates,scaling,soak",
                description = "what to run (default ${DEFAULT-VALUE})")
        java.util.List<String> parts;

        @Option(names = "--soak-phases", defaultValue = "10000", description = "phases of the memory soak (default ${DEFAULT-VALUE})")
        int soakPhases;

        @Option(names = "--plot", defaultValue = "results/bench/phase-scaling.png", description = "scaling plot (PNG)")
        java.nio.file.Path plot;

        @Override
        public Integer call() throws IOException {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("--seconds must be > 0, got " + seconds);
            }
            java.util.List<String> known = java.util.List.of("strategies", "updates", "scaling", "soak");
            for (String p : parts) {
                if (!known.contains(p)) {
                    throw new IllegalArgumentException("--parts: unknown part '" + p + "'; allowed: " + String.join(", ", known));
                }
            }
            if (soakPhases < 1000) {
                throw new IllegalArgumentException("--soak-phases must be >= 1000, got " + soakPhases);
            }
            java.util.List<eqspice.network.NetworkSpec> specs = networks.stream().map(Phases::shape).toList();
            if (parts.contains("strategies")) {
                eqspice.bench.PhaseBench.run(System.out, specs, seconds);
            }
            if (parts.contains("updates")) {
                eqspice.bench.UpdateBench.run(System.out, specs);
            }
            if (parts.contains("scaling")) {
                eqspice.bench.ScalingBench.run(System.out, plot, seconds);
            }
            if (parts.contains("soak")) {
                eqspice.bench.PhaseSoak.inChild(System.out, soakPhases);
            }
            return 0;
        }

        static eqspice.network.NetworkSpec shape(String text) {
            if (!text.matches("[1-9][0-9]{0,4}-[1-9][0-9]{0,4}-[1-9][0-9]{0,3}")) {
                throw new IllegalArgumentException("--networks: '" + text + "' is not inputs-hidden-outputs, e.g. 64-32-10");
            }
            String[] p = text.split("-");
            return eqspice.bench.PhaseWorkload.spec(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
    }

    /** {@code eqspice bench phase-soak}: the memory soak of {@code bench phases}, run in a child JVM by it. */
    @Command(name = "phase-soak", mixinStandardHelpOptions = true, hidden = true, description = "Resident memory over many phases of 64-32-10.")
    static final class PhaseSoakChild implements Callable<Integer> {
        @Option(names = "--phases", defaultValue = "10000")
        int phases;

        @Override
        public Integer call() {
            eqspice.bench.PhaseSoak.soak(System.out, phases);
            return 0;
        }
    }

    /** {@code eqspice bench backends}. */
    @Command(name = "backends", mixinStandardHelpOptions = true, description = {"Time per EqProp phase (free, +beta, -beta) on the embedded backend "
            + "against ngspice, at 64-32-10, 196-100-10 and 784-100-10, in one run; the first backend is the baseline."})
    static final class Backends implements Callable<Integer> {
        @Option(names = "--backends", split = ",", defaultValue = "ngspice-alter-op,embedded",
                description = "backends to time, baseline first (default ${DEFAULT-VALUE}); known: ngspice-alter-op, embedded")
        java.util.List<String> backends;

        @Option(names = "--samples", defaultValue = "7", description = "timed samples per network (default ${DEFAULT-VALUE})")
        int samples;

        @Option(names = "--networks", split = ",", description = "Kendall shapes inputs-hidden-outputs "
                + "(default 64-32-10,196-100-10,784-100-10)")
        java.util.List<String> networks;

        @Override
        public Integer call() {
            if (samples < 1) {
                throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
            }
            java.util.List<eqspice.network.NetworkSpec> specs = networks == null
                    ? eqspice.bench.BackendBench.defaultNetworks()
                    : networks.stream().map(Backends::kendall).toList();
            eqspice.bench.BackendBench.run(System.out, eqspice.bench.BackendBench.select(backends), specs,
                    SolverOptions.DEFAULT, samples);
            return 0;
        }

        private static eqspice.network.NetworkSpec kendall(String shape) {
            String[] p = shape.split("-");
            if (p.length != 3 || !shape.matches("[0-9]{1,5}-[0-9]{1,5}-[0-9]{1,5}")) {
                throw new IllegalArgumentException("--networks: '" + shape + "' is not inputs-hidden-outputs, e.g. 64-32-10");
            }
            return eqspice.network.Presets.kendall(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
    }
}
