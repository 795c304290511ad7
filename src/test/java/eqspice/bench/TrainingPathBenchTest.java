package eqspice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.embedded.EmbeddedSimulator;
import eqspice.ngspice.SharedSession;
import eqspice.network.Presets;
import eqspice.simulate.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The training-path table of {@code eqspice bench backends} on a small network (with short
 * warm-up and timing): one row per ngspice strategy and one for the embedded solver, each a
 * median over at least the requested mini-batches, and the embedded row's ratio to ngspice's
 * fastest row of the same run, in wall and CPU time.
 */
class TrainingPathBenchTest {
    private static final Pattern ROW = Pattern.compile("^4x2-3-2\\s+(\\S+)\\s+(\\S+) ms per phase \\(cpu\\s+(\\S+) ms\\) "
            + "over\\s+(\\d+) mini-batches\\s+(\\S+)x of the first row(?:\\s+(\\d+)x ngspice's fastest \\(cpu (\\d+)x\\))?$");

    @Test
    void comparesTheEmbeddedSolverWithNgspicesFastestStrategy() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<Simulator> sims = List.of(SharedSession.get(), new EmbeddedSimulator());
        List<BackendBench.Backend> backends = List.of(new BackendBench.Backend("ngspice-alter-op", SharedSession::get),
                new BackendBench.Backend("embedded", EmbeddedSimulator::new));
        TrainingPathBench.measure(out, backends, sims, Presets.kendall(4, 3, 2), SolverOptions.DEFAULT, 3, 0.05, 0.05);
        List<String> rows = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, rows.size(), rows.toString());
        double fastest = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            Matcher m = ROW.matcher(rows.get(k));
            assertTrue(m.matches(), rows.get(k));
            assertEquals(List.of("ngspice-alter-op", "ngspice-sweep", "embedded").get(k), m.group(1));
            assertTrue(Integer.parseInt(m.group(4)) >= 3, rows.get(k));
            double wall = Double.parseDouble(m.group(2));
            if (k < 2) {
                assertTrue(m.group(6) == null, rows.get(k));
                fastest = Math.min(fastest, wall);
            } else {
                // the ratio printed is the fastest ngspice row's over this one (to the precision printed)
                double ratio = Double.parseDouble(m.group(6));
                assertEquals(fastest / wall, ratio, 0.02 * ratio + 1, rows.get(k));
            }
        }
    }
}
