package eqspice.experiment;

import static eqspice.experiment.ExperimentYaml.GOOD;
import static eqspice.experiment.ExperimentYaml.error;
import static eqspice.experiment.ExperimentYaml.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.simulate.BackendChoice;
import eqspice.simulate.BackendChoice.Backend;
import org.junit.jupiter.api.Test;

/** The {@code simulator:} section of experiment files. */
class SimulatorSectionTest {
    @Test
    void withoutASectionNgspiceSolves() {
        assertEquals(BackendChoice.NGSPICE, parse(GOOD).simulator());
        assertEquals(Backend.EMBEDDED, parse(GOOD + "simulator:\n  backend: embedded\n").simulator().backend());
    }

    @Test
    void cosimTakesItsFields() {
        BackendChoice c = parse(GOOD + "simulator:\n  backend: cosim\n  check_every: 7\n  tolerance: 2.5e-6\n"
                + "  stop_on_mismatch: true\n").simulator();
        assertEquals(new BackendChoice(Backend.COSIM, 7, 2.5e-6, true), c);
        BackendChoice d = parse(GOOD + "simulator:\n  backend: CoSim\n").simulator();
        assertEquals(new BackendChoice(Backend.COSIM, BackendChoice.DEFAULT_CHECK_EVERY, BackendChoice.DEFAULT_TOLERANCE,
                false), d);
        assertTrue(d.label().contains("every 100 operating points"), d.label());
        assertFalse(d.label().contains("stops"), d.label());
    }

    @Test
    void badValuesNameFileLineAndField() {
        assertEquals("experiments/test.yaml line 10: field 'simulator.backend': 'spectre' is not allowed; allowed: "
                + "ngspice, embedded, cosim", error(GOOD + "simulator:\n  backend: spectre\n"));
        assertEquals("experiments/test.yaml line 11: field 'simulator.check_every' applies only to backend: cosim "
                + "(the backend is embedded)", error(GOOD + "simulator:\n  backend: embedded\n  check_every: 5\n"));
        assertTrue(error(GOOD + "simulator:\n  backend: cosim\n  check_every: 0\n")
                .startsWith("experiments/test.yaml line 11: field 'simulator.check_every' must be an integer >= 1"));
        assertTrue(error(GOOD + "simulator:\n  backend: cosim\n  tolerance: -1.0\n")
                .startsWith("experiments/test.yaml line 11: field 'simulator.tolerance' must be a finite number > 0"));
        assertTrue(error(GOOD + "simulator:\n  check_every: 3\n")
                .contains("field 'simulator.backend' is missing; allowed: ngspice, embedded, cosim"));
        String unknown = error(GOOD + "simulator:\n  backend: cosim\n  every: 3\n");
        assertTrue(unknown.contains("unknown field 'simulator.every'") && unknown.contains("check_every"), unknown);
    }

    @Test
    void theEmbeddedSolverRefusesANonIdealTrainingCircuit() {
        String m = error(GOOD + "fidelity:\n  train_level: behavioural\nsimulator:\n  backend: embedded\n");
        assertEquals("experiments/test.yaml line 12: field 'simulator.backend': embedded solves only the ideal circuit "
                + "(resistors, sources, diodes, VCVS, CCCS), but fidelity.train_level is behavioural; use backend: "
                + "ngspice", m);
        assertEquals(Backend.NGSPICE, parse(GOOD + "fidelity:\n  train_level: behavioural\n").simulator().backend());
    }
}
