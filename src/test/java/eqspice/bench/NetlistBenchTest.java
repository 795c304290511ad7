package eqspice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.NgspiceWriter;
import eqspice.circuit.SolverOptions;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The benchmark on a small network (the 784-100-10 one is for {@code eqspice bench netlist}):
 * it measures the circuit it says it measures, and reports what it measured.
 */
class NetlistBenchTest {

    @Test
    void benchmarkNetworkIsTheEightyThousandResistorCrossbar() {
        NetworkSpec spec = NetlistBench.mnistSpec();
        assertEquals(785 * 100 + 101 * 20, spec.conductanceCount());
        assertEquals(List.of(100), spec.hidden());
        assertTrue(spec.activation().isPresent() && spec.amplifier().isPresent());
    }

    @Test
    void measuresAndReportsTheCircuitItBuilds() {
        NetworkSpec spec = Presets.kendall(4, 3, 2);
        NetlistBench.Result r = NetlistBench.measure(spec, 3, SharedSession.get());
        assertEquals((8 + 1) * 3 + (3 + 1) * 4, r.resistors());

        // The same network and inputs, rebuilt here from the documented seeds.
        LayeredNetwork net = LayeredNetwork.random(spec, 10 * spec.bounds().gMin(), spec.bounds().gMax() / 10, 1L);
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = new double[4];
        for (int k = 0; k < 4; k++) {
            x[k] = rng.nextDouble();
        }
        Circuit c = new CrossbarCircuit(spec).build(net, x, SolverOptions.DEFAULT, List.of());
        assertEquals(NgspiceWriter.write(c).length(), r.netlistChars());
        assertEquals(SharedSession.get().solve(c).voltage("op0"), r.outputPlus(), 0.0); // same circuit, same solver

        for (double ms : new double[] {r.buildWriteMs(), r.buildWriteCpu(), r.solveMs(), r.solveCpu()}) {
            assertTrue(ms > 0 && ms < 60_000, "time " + ms + " ms");
        }
        assertEquals(r.buildWriteMs() / r.solveMs(), r.ratio(), 0.0);
        assertEquals(r.buildWriteCpu() / r.solveCpu(), r.cpuRatio(), 0.0);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NetlistBench.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), r);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("resistors        43\n"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.4f wall, %.4f cpu", r.ratio(), r.cpuRatio())),
                text);
        assertTrue(text.contains(r.cpuRatio() < 0.10 ? "met)" : "NOT met)"), text);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchStats.median(new double[] {3, 1, 2}), 0.0);
        assertEquals(2.5, BenchStats.median(new double[] {4, 1, 3, 2}), 0.0);
        assertEquals(7.0, BenchStats.median(new double[] {7}), 0.0);
    }

    @Test
    void refusesZeroRepeats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetlistBench.measure(Presets.kirazCase1(), 0, SharedSession.get()));
        assertTrue(e.getMessage().contains("repeats must be >= 1"), e.getMessage());
    }
}
