package eqspice.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Capacitor;
import eqspice.circuit.Circuit;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SubcircuitCall;
import eqspice.circuit.VoltageSource;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Readout;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.network.ModelLibrary;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import eqspice.simulate.TransientPlan;
import eqspice.simulate.TransientRun;
import eqspice.train.TrainingConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phases in time on the shipped transistor-level experiments (Kiraz case 1 with Kendall's pair
 * and with the power-conserving pair, initial networks so that the nudged phases move), and the
 * finding behind the compensation capacitor of netlists/lib/eqs_amp_cmos.lib: without it one
 * bidirectional amplifier between 20 kohm resistors oscillates near 9 MHz.
 */
class TransistorDynamicsTest {
    private static DynamicsSetup kiraz(String file, Fidelity.Level level) throws Exception {
        Experiment exp = ExperimentLoader.load(Path.of("experiments", file));
        TrainingConfig cfg = exp.config();
        LayeredNetwork net = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        return DynamicsSetup.of(net, Fidelity.of(level, exp.fidelity()), cfg.solver(), cfg.task().samples(),
                cfg.estimator(), cfg.beta()).withPhaseTime(8e-6);
    }

    @Test
    void kirazTransistorPhasesSettleAndTheirEnergyIsTheRailsPowerTimesTime() throws Exception {
        for (String file : List.of("kiraz-case1-transistor.yaml", "kiraz-case1-pc-transistor.yaml")) {
            DynamicsSetup setup = kiraz(file, Fidelity.Level.TRANSISTOR);
            PhaseDynamics.Report r = PhaseDynamics.run(SharedSession.get(), setup);
            assertEquals(3, r.phases().size(), file);
            double step = 0;
            for (PhaseDynamics.PhaseReport p : r.phases()) {
                assertEquals(Settling.Verdict.SETTLED, p.settling().verdict(), file + " " + p.step().label() + ": "
                        + p.settling().describe());
                assertTrue(p.settling().settlingTime() < setup.phaseTime(), p.settling().describe());
                // Six CMOS op-amps draw a quiescent ~30 mW each: the rails deliver nearly all the energy, and
                // once settled they deliver it at the end power, so energy ~ end power x phase time.
                double supply = p.groups().get("supply");
                assertTrue(supply > 0.95 * p.total(), file + " supply " + supply + " of " + p.total());
                assertEquals(p.endPower() * setup.phaseTime(), p.total(), 0.05 * p.total(), file + " " + p.step().label());
                step += p.total();
            }
            assertEquals(step, r.stepEnergy().get(0), 1e-12 * step);
            assertTrue(r.phases().get(1).groups().get("nudging") != 0, "the initial network's nudge does work");
        }
    }

    /** The DC side of the phase chain is the trainer's EqProp step: same free output, same estimate. */
    @Test
    void dcChainIsTheTrainersStep() throws Exception {
        DynamicsSetup setup = kiraz("kiraz-case1-transistor.yaml", Fidelity.Level.TRANSISTOR);
        PhaseChain chain = setup.chain(setup.builder());
        SharedSession.get().load(setup.circuit(setup.builder()));
        List<Solution> dc = chain.atDc(SharedSession.get());
        double[] estimate = chain.estimate(dc);
        CrossbarSession session = CrossbarSession.builder(SharedSession.get(), setup.network()).fidelity(setup.fidelity())
                .options(setup.options()).open();
        EqPropStep.Result step = EqPropStep.run(session, setup.samples().get(0).x(), setup.samples().get(0).y(),
                setup.estimator(), setup.beta());
        assertEquals(step.outputs()[0], Readout.outputs(setup.builder().layout(), dc.get(0))[0], 1e-6);
        double norm = 0;
        double diff = 0;
        for (int c = 0; c < estimate.length; c++) {
            norm += step.gradient()[c] * step.gradient()[c];
            diff += (estimate[c] - step.gradient()[c]) * (estimate[c] - step.gradient()[c]);
        }
        assertTrue(Math.sqrt(diff) < 1e-3 * Math.sqrt(norm), "relative difference " + Math.sqrt(diff / norm));
    }

    /** Ideal Kiraz: every phase cut at 10 us gives the DC estimate; cut at 3 ns, far from it. */
    @Test
    void cutShortEstimateReachesTheDcEstimateOnceThePhasesSettle() throws Exception {
        DynamicsSetup setup = kiraz("kiraz-case1.yaml", Fidelity.Level.IDEAL);
        List<CutShort.Row> rows = CutShort.run(SharedSession.get(), setup, List.of(3e-9, 1e-5));
        CutShort.Row cut = rows.get(0);
        CutShort.Row full = rows.get(1);
        assertEquals(1.0, full.cosine(), 1e-9);
        for (int l = 0; l < 2; l++) {
            assertEquals(1.0, full.layerScale()[l], 1e-6, "layer " + l);
        }
        assertTrue(full.outputError() < 1e-9, "settled outputs: " + full.outputError());
        assertTrue(cut.cosine() < 0.9 || Math.abs(cut.layerScale()[0] - 1) > 0.1, "3 ns is far too short: cosine "
                + cut.cosine() + ", scale " + cut.layerScale()[0]);
        assertTrue(cut.outputError() > 1e-3, "the free output has not arrived: " + cut.outputError());
    }

    /**
     * One bidirectional CMOS amplifier driven from 20 kohm into 20 kohm (hidden node and next
     * row as a crossbar presents them): with the pump's compensation capacitor made negligible
     * it oscillates (measured 9-10 MHz, about 2 V), with the library's default it settles.
     */
    @Test
    void uncompensatedAmplifierOscillatesAndTheLibraryDefaultSettles() {
        for (double cpump : new double[] {1e-18, Double.NaN}) {
            Map<String, Double> params = new LinkedHashMap<>(Map.of("gain", 4.0));
            params.put("back", 0.25);
            params.put("supply", 5.0);
            if (!Double.isNaN(cpump)) {
                params.put("cpump", cpump);
            }
            List<Element> e = List.of(new VoltageSource("vdrive", "src", "0", 0).asExternal(),
                    new Resistor("rin", "src", "h", 20e3), new Capacitor("ch", "h", "0", 1e-12),
                    new SubcircuitCall("xa", List.of("h", "ao", "vdd", "vss"), ModelLibrary.CMOS_SUBCKT, params),
                    new Resistor("rl", "ao", "0", 20e3), new VoltageSource("vsupp", "vdd", "0", 5.0),
                    new VoltageSource("vsupn", "vss", "0", -5.0));
            Circuit c = new Circuit("one amplifier", e, List.of(), setupOptions(), List.of(),
                    List.of(ModelLibrary.get(ModelLibrary.CMOS_AMPLIFIER)));
            TransientRun run = SharedSession.get().transientRun(c, new TransientPlan(Map.of("vdrive", 0.0),
                    List.of(20e-6), (k, ends) -> Map.of("vdrive", 0.1), 5e-9, 1e-9));
            SharedSession.get().load(c);
            SharedSession.get().setSource("vdrive", 0.1);
            Solution dc = SharedSession.get().operatingPoint();
            Settling.Result s = Settling.analyse(run.trajectory(), run.startOf(0), run.endOf(0), dc, List.of("h", "ao"),
                    1e-5, List.of(5.0, -5.0));
            if (Double.isNaN(cpump)) {
                assertEquals(Settling.Verdict.SETTLED, s.verdict(), "compensated: " + s.describe());
            } else {
                assertEquals(Settling.Verdict.OSCILLATING, s.verdict(), "uncompensated: " + s.describe());
                assertTrue(s.frequency() > 5e6 && s.frequency() < 20e6, s.describe());
                assertTrue(s.amplitude() > 0.5, s.describe());
            }
        }
    }

    private static eqspice.circuit.SolverOptions setupOptions() {
        return eqspice.circuit.SolverOptions.DEFAULT.withTolerances(1e-6, 1e-12, 1e-9);
    }
}
