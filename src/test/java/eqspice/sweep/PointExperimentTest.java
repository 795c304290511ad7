package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A sweep point's experiment.yaml loads as that point's experiment, not the sweep file's base. */
class PointExperimentTest {
    private static final String YAML = "# a comment that is not kept\ndescription: \"two points: quoted\"\n"
            + "network:\n  preset: custom\n  inputs: 2\n  hidden: [3]\n  outputs: 1\n"
            + "  activation:\n    upper_bias: 0.05\n    lower_bias: -0.05\ntask:\n  name: xor\ntraining:\n"
            + "  alpha: 3.0e-8\n  beta: 1.0e-6\n  epochs: 2\n  seed: 2\n  init: [1.0e-5, 1.0e-4]\n"
            + "fidelity:\n  variation: 0.1\n"
            + "sweep:\n  training.beta: {log: [1.0e-7, 1.0e-3, 2]}\n  network.activation.upper_bias: [0.05, 0.2]\n"
            + "  training.seed: [7]\n  fidelity.v0: [1.5]\n";

    @Test
    void eachPointsYamlLoadsAsThatPoint() {
        Path file = Path.of("sweepfile.yaml");
        Sweep sweep = Sweep.plan(file, YAML.getBytes(StandardCharsets.UTF_8));
        assertEquals(4, sweep.points().size());
        for (SweepPoint p : sweep.points()) {
            Experiment back = ExperimentLoader.parse(Path.of("points", p.id(), "experiment.yaml"),
                    p.yaml().getBytes(StandardCharsets.UTF_8));
            assertEquals(p.experiment().config(), back.config(), p.yaml());
            assertEquals(p.experiment().hardware(), back.hardware(), p.yaml());
            assertEquals(p.experiment().simulator(), back.simulator());
            assertEquals("sweepfile-" + p.id(), back.name(), "the sweep's name and the point's id: eqspice run of the "
                    + "point's file must not write into the sweep's folder");
            assertEquals("two points: quoted", back.description());
            assertTrue(p.yaml().startsWith("# sweep point " + p.id() + " of sweepfile.yaml (sha256 " + sweep.sha256()
                    + ")\n"), p.yaml());
            assertFalse(p.yaml().contains("sweep:"), p.yaml());
        }
        SweepPoint first = sweep.points().get(0);
        SweepPoint last = sweep.points().get(3);
        assertEquals(1.0e-7, first.experiment().config().beta());
        assertEquals(1.0e-3, last.experiment().config().beta());
        assertEquals(7, last.experiment().config().seed());
        assertEquals(1.5, last.experiment().fidelity().v0());
        assertNotEquals(first.experiment().config().spec(), sweep.points().get(1).experiment().config().spec(),
                "the diode bias axis changes the network");
        assertTrue(last.yaml().contains("#   network.activation.upper_bias = 0.2\n"), last.yaml());
        assertEquals("x".repeat(51) + "-0123456789ab", PointExperiment.pointName("x".repeat(64), "0123456789ab"));
    }

    @Test
    void aFileNameWithALineSeparatorStaysInItsHeaderComment() {
        // YAML breaks lines at U+0085, U+2028 and U+2029 too: unescaped, the rest of the name would be YAML.
        Path file = Path.of("odd\u2028name: evil\u0085\u2029\r.yaml");
        Sweep sweep = Sweep.plan(file, ("name: ok\n" + YAML).getBytes(StandardCharsets.UTF_8));
        for (SweepPoint p : sweep.points()) {
            String first = p.yaml().lines().findFirst().orElseThrow();
            assertEquals("# sweep point " + p.id() + " of odd\\u2028name: evil\\u0085\\u2029\\u000D.yaml (sha256 "
                    + sweep.sha256() + ")", first);
            Experiment back = ExperimentLoader.parse(Path.of("points", p.id(), "experiment.yaml"),
                    p.yaml().getBytes(StandardCharsets.UTF_8));
            assertEquals("ok-" + p.id(), back.name());
            assertEquals(p.experiment().config(), back.config());
        }
    }
}
