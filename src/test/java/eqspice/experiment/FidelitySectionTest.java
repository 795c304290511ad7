package eqspice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.eqprop.Programming;
import eqspice.network.FidelityParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The experiment file's fidelity: section: values, defaults, and errors naming file, line and field. */
class FidelitySectionTest {
    private static final String BASE = "network:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\ntraining:\n"
            + "  alpha: 1.0e-9\n  beta: 1.0e-6\n";

    private static Experiment parse(String yaml) {
        return ExperimentLoader.parse(Path.of("f.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void absentSectionGivesTheDefaults() {
        Experiment e = parse(BASE);
        assertEquals(FidelityParameters.DEFAULT, e.fidelity());
        assertEquals(Programming.IDEAL, e.programming());
    }

    @Test
    void everyFieldIsRead() {
        Experiment e = parse(BASE + "fidelity:\n  supply: 2.5\n  open_loop_gain: 1000\n  output_resistance: 50\n"
                + "  offset: -0.002\n  diode: ideal\n  memristor: linear\n  v0: 0.5\n  variation: 0.1\n"
                + "  variation_seed: 9\n  programming:\n    levels: 64\n    noise: 0.05\n    potentiation: 1.2\n"
                + "    depression: 0.8\n    seed: 3\n");
        assertEquals(new FidelityParameters(2.5, 1000, 50, -0.002, false, false, 0.5, 0.1, 9), e.fidelity());
        assertEquals(new Programming(64, 0.05, 1.2, 0.8, 3), e.programming());
    }

    @Test
    void wrongValuesNameTheFileLineAndField() {
        String[][] cases = {
            {"  supply: 0\n", "f.yaml line 9: field 'fidelity.supply' must be a finite number > 0 (V), got 0.0"},
            {"  open_loop_gain: 1\n", "f.yaml line 9: field 'fidelity.open_loop_gain' must be a finite number > 1, got 1.0"},
            {"  diode: 1n4001\n", "f.yaml line 9: field 'fidelity.diode': '1n4001' is not allowed; allowed: 1n4148, ideal"},
            {"  variation: -0.1\n", "f.yaml line 9: field 'fidelity.variation' must be a finite number >= 0, got -0.1"},
            {"  programming:\n    levels: 1\n",
                "f.yaml line 10: field 'fidelity.programming.levels' must be 0 (continuous) or an integer >= 2, got 1"},
            {"  programming:\n    depression: 0\n",
                "f.yaml line 10: field 'fidelity.programming.depression' must be a finite number > 0, got 0.0"},
            {"  rails: 5\n", "f.yaml line 9: unknown field 'fidelity.rails'; allowed here:"},
        };
        for (String[] c : cases) {
            ExperimentException e = assertThrows(ExperimentException.class, () -> parse(BASE + "fidelity:\n" + c[0]));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
        }
    }
}
