package eqspice.bench;

import eqspice.circuit.Circuit;
import eqspice.circuit.NgspiceWriter;
import eqspice.circuit.SolverOptions;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.NgspiceSession;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Is netlist generation cheap next to solving? Builds a 784-100-10 Kendall crossbar and writes
 * it as ngspice text, then has ngspice load and solve the same circuit in-process, and reports
 * the median time of each and their ratio. Generating the circuit should stay under 10 % of the
 * solve, or it becomes the bottleneck of training.
 *
 * <p>Both wall-clock and thread CPU time are reported: ngspice runs in the calling thread, so
 * CPU time compares the two fairly on a machine that other jobs keep busy, where wall time
 * swings by several times from run to run.
 */
public final class NetlistBench {
    /** The share of the solve time that building and writing may take. */
    public static final double GOAL = 0.10;

    /** Untimed rounds before the timed ones. */
    static final int WARMUP = 2;

    /**
     * One measurement.
     *
     * @param resistors     crossbar conductances in the circuit
     * @param netlistChars  length of the written netlist
     * @param buildWriteMs  median wall time to build the circuit from the network and write its text
     * @param buildWriteCpu median thread CPU time of the same (ms; NaN if the JVM cannot measure it)
     * @param solveMs       median wall time for ngspice to load and solve it (load + op)
     * @param solveCpu      median thread CPU time of the same (ms; NaN if the JVM cannot measure it)
     * @param outputPlus    V(op0) of the last solve, printed so the solve is seen to be real
     */
    public record Result(int resistors, int netlistChars, double buildWriteMs, double buildWriteCpu, double solveMs,
                         double solveCpu, double outputPlus) {
        /** Build+write wall time as a fraction of the solve's wall time. */
        public double ratio() {
            return buildWriteMs / solveMs;
        }

        /** Build+write CPU time as a fraction of the solve's CPU time. */
        public double cpuRatio() {
            return buildWriteCpu / solveCpu;
        }
    }

    /**
     * The benchmark network: Kendall et al.'s circuit with 784 inputs, 100 hidden units and 10
     * outputs, inputs applied once (785 x 100 + 101 x 20 = 80,520 resistors: the 784-100-10
     * crossbar of DESIGN.md's timing; doubled inputs would make it 158,920).
     */
    public static NetworkSpec mnistSpec() {
        NetworkSpec k = Presets.kendall(784, 100, 10);
        return new NetworkSpec(784, false, k.biasVoltages(), k.hidden(), k.outputs(), k.activation(), k.amplifier(),
                k.bounds());
    }

    private NetlistBench() {
    }

    /**
     * Measures the 784-100-10 Kendall crossbar ({@link #mnistSpec}) with a fresh ngspice session and prints the
     * result ({@code eqspice bench netlist}).
     *
     * @param repeats timed repetitions of each part (after {@value #WARMUP} untimed warm-up rounds)
     */
    public static void run(PrintStream out, int repeats) {
        NetworkSpec spec = mnistSpec();
        try (NgspiceSession session = new NgspiceSession()) {
            Result r = measure(spec, repeats, session);
            out.println("netlist bench: Kendall " + CrossbarCircuit.shape(spec) + ", " + repeats + " repeats, "
                    + session.info());
            print(out, r);
        }
    }

    /** Prints a result in the format of {@link #run}. */
    public static void print(PrintStream out, Result r) {
        out.printf(Locale.ROOT, "resistors        %d%n", r.resistors());
        out.printf(Locale.ROOT, "netlist chars    %d%n", r.netlistChars());
        out.printf(Locale.ROOT, "build+write ms   %.3f wall, %.3f cpu (medians)%n", r.buildWriteMs(), r.buildWriteCpu());
        out.printf(Locale.ROOT, "load+op ms       %.3f wall, %.3f cpu (medians; V(op0) = %.6f V)%n", r.solveMs(),
                r.solveCpu(), r.outputPlus());
        out.printf(Locale.ROOT, "ratio            %.4f wall, %.4f cpu (goal < %.2f: %s)%n", r.ratio(), r.cpuRatio(), GOAL,
                r.cpuRatio() < GOAL ? "met" : "NOT met");
    }

    /**
     * Times building and writing against loading and solving, on one network drawn with a fixed
     * seed (conductances uniform in [10 g_min, g_max / 10], inputs uniform in [0, 1]).
     */
    public static Result measure(NetworkSpec spec, int repeats, Simulator simulator) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        LayeredNetwork net = LayeredNetwork.random(spec, 10 * spec.bounds().gMin(), spec.bounds().gMax() / 10, 1L);
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = new double[spec.inputs()];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble();
        }
        CrossbarCircuit builder = new CrossbarCircuit(spec); // once per spec, as in training
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean hasCpu = cpu.isCurrentThreadCpuTimeSupported();
        double[][] ms = new double[4][repeats]; // build wall, build cpu, solve wall, solve cpu
        int chars = 0;
        Solution last = null;
        // The first WARMUP rounds let the JIT compile the builder and writer; they are not counted.
        for (int k = -WARMUP; k < repeats; k++) {
            long c0 = hasCpu ? cpu.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            Circuit circuit = builder.build(net, x, SolverOptions.DEFAULT, List.of());
            chars = NgspiceWriter.write(circuit).length();
            long t1 = System.nanoTime();
            long c1 = hasCpu ? cpu.getCurrentThreadCpuTime() : 0;
            simulator.load(circuit);
            last = simulator.operatingPoint();
            long t2 = System.nanoTime();
            long c2 = hasCpu ? cpu.getCurrentThreadCpuTime() : 0;
            if (k >= 0) {
                ms[0][k] = (t1 - t0) / 1e6;
                ms[1][k] = hasCpu ? (c1 - c0) / 1e6 : Double.NaN;
                ms[2][k] = (t2 - t1) / 1e6;
                ms[3][k] = hasCpu ? (c2 - c1) / 1e6 : Double.NaN;
            }
        }
        return new Result(spec.conductanceCount(), chars, BenchStats.median(ms[0]), BenchStats.median(ms[1]), BenchStats.median(ms[2]),
                BenchStats.median(ms[3]),
                last.voltage(builder.layout().outputPlus(0)));
    }

}
