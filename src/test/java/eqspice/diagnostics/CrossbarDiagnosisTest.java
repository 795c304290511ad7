package eqspice.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.eqprop.Phase;
import eqspice.network.Amplifier;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.task.Sample;
import eqspice.task.Task;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Kiraz et al.'s case-1 crossbar with Kendall's amplifier pair and with the power-conserving
 * pair, all three phases. Tolerances tightened as in {@link LinearNetworkDiagnosticsTest}.
 */
class CrossbarDiagnosisTest {
    static final List<Phase> ALL = List.of(Phase.FREE, Phase.POSITIVE, Phase.NEGATIVE);

    static List<PhaseDiagnosis> diagnose(Amplifier amp) {
        NetworkSpec k = Presets.kirazCase1();
        NetworkSpec spec = k.withAmplifier(Optional.of(amp));
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 7);
        Sample sample = Task.kirazCase1().samples().get(0);
        Circuit free = new CrossbarCircuit(spec).build(net, sample.x(), LinearNetworkDiagnosticsTest.TIGHT, List.of());
        return CrossbarDiagnosis.run(SharedSession.get(), net, free, sample, 1e-5, ALL, 1e-4);
    }

    @Test
    void powerConservingPairMakesEveryPhaseStationary() {
        for (PhaseDiagnosis d : diagnose(Amplifier.powerConserving(4))) {
            PowerBreakdown p = d.power();
            assertTrue(Math.abs(p.amplifierNet()) < 1e-9 * p.throughput(), d.phase() + ": " + p.amplifierNet());
            assertTrue(Math.abs(p.tellegenResidual()) < 1e-12 * p.largestTerm(), d.phase().label());
            assertTrue(d.variational().maxRelativeError() < 1e-5, d.phase() + ": " + d.variational());
            assertEquals(12, d.variational().checks().size(), "3 rows (2 inputs + bias) x 2 hidden + 3 x 2 outputs");
        }
    }

    @Test
    void kendallPairBreaksTheIdentityThroughTheAmplifierOnly() {
        List<PhaseDiagnosis> all = diagnose(Amplifier.KENDALL);
        PhaseDiagnosis free = all.get(0);
        assertEquals(0.0, free.beta());
        assertEquals(-1e-5, all.get(2).beta());
        assertEquals(free.pseudo().pseudoPower(), free.nudgedTotal(), 0.0, "no nudge in the free phase");
        assertEquals(0.0, free.pseudo().term(PowerClass.NUDGE_SOURCES), 0.0);
        for (PhaseDiagnosis d : all) {
            assertTrue(Math.abs(d.power().amplifierNet()) > 1e-3 * d.power().throughput(), d.phase().label());
            assertTrue(d.variational().maxRelativeError() > 1e-2, d.variational().toString());
            for (ConductanceCheck c : d.variational().checks()) {
                double amp = c.term(PowerClass.AMPLIFIER_VCVS) + c.term(PowerClass.AMPLIFIER_CCCS);
                assertEquals(c.difference(), -amp, 1e-5 * Math.abs(c.vdm()) + 1e-5 * Math.abs(amp), c.element());
                // The two controlled sources see the same dV/dg: their terms are in the ratio of the gains.
                if (Math.abs(amp) > 1e-3 * c.vdm()) {
                    assertEquals(-16.0, c.term(PowerClass.AMPLIFIER_VCVS) / c.term(PowerClass.AMPLIFIER_CCCS), 1e-4);
                }
            }
        }
        // The nudged phase's P + beta C: the cost at its own outputs.
        PhaseDiagnosis pos = all.get(1);
        double o = pos.outputs()[0];
        assertEquals(0.5 * (1 - o) * (1 - o), pos.cost(), 1e-15);
        assertEquals(pos.pseudo().pseudoPower() + 1e-5 * pos.cost(), pos.nudgedTotal(), 1e-18);

        String table = DiagnosisTable.format(all);
        assertTrue(table.contains("== phase +beta"), table);
        assertTrue(table.contains("amplifier pair net"), table);
        assertTrue(table.contains("PCM vs VDM (epsilon 1.0e-04, 12 conductances)"), table);
        assertTrue(!table.contains("-0.000000e+00"), table);
    }
}
