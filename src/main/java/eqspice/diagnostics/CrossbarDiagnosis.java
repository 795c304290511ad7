package eqspice.diagnostics;

import eqspice.eqprop.Readout;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Element;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Phase;
import eqspice.network.Conductor;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import eqspice.task.Sample;
import eqspice.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Diagnoses the EqProp phases of one sample on a crossbar network, the way training solves
 * them: the free phase, then the nudged phases with currents ±beta (y - o_free) fixed from the
 * free phase (as {@link EqPropStep} does). Each phase's full circuit is loaded, so that the
 * {@link Circuit} the diagnostics read states exactly the values ngspice solved.
 */
public final class CrossbarDiagnosis {
    private CrossbarDiagnosis() {
    }

    /**
     * The training run's initial network (same seed, same draw as the trainer) diagnosed on one sample.
     *
     * @param sample  index into the task's samples
     * @param phases  which phases to report (the free phase is always solved: the nudges need it)
     * @param epsilon relative perturbation of the variational check
     */
    public static List<PhaseDiagnosis> initial(Simulator simulator, TrainingConfig cfg, int sample, List<Phase> phases,
                                               double epsilon, List<String> comments) {
        return initial(simulator, cfg, Fidelity.IDEAL, sample, phases, epsilon, comments);
    }

    /**
     * The initial network's circuit at {@code fidelity} (op-amp amplifiers and their rails, 1N4148
     * diodes, sinh devices with variation, as the fidelity says) diagnosed on one sample.
     */
    public static List<PhaseDiagnosis> initial(Simulator simulator, TrainingConfig cfg, Fidelity fidelity, int sample,
                                               List<Phase> phases, double epsilon, List<String> comments) {
        if (sample < 0 || sample >= cfg.task().samples().size()) {
            throw new IllegalArgumentException("sample " + sample + " does not exist: the task has "
                    + cfg.task().samples().size() + " samples (0.." + (cfg.task().samples().size() - 1) + ")");
        }
        LayeredNetwork network = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        CrossbarCircuit builder = new CrossbarCircuit(cfg.spec(), fidelity);
        Circuit free = builder.build(network, cfg.task().samples().get(sample).x(), cfg.solver(), comments);
        return run(simulator, builder, free, cfg.task().samples().get(sample), cfg.beta(), phases, epsilon);
    }

    /**
     * Diagnoses the phases of a network whose ideal free-phase circuit is {@code free}.
     *
     * @param beta nudging strength (S), &gt; 0
     */
    public static List<PhaseDiagnosis> run(Simulator simulator, LayeredNetwork network, Circuit free, Sample sample,
                                           double beta, List<Phase> phases, double epsilon) {
        return run(simulator, new CrossbarCircuit(network.spec()), free, sample, beta, phases, epsilon);
    }

    /**
     * Diagnoses the phases of a circuit {@code free} that {@code builder} made (at its fidelity).
     * The variational check runs where the identity it checks applies: linear crossbar
     * conductances and a pseudo-power whose every term is known; otherwise the diagnosis says why not.
     */
    public static List<PhaseDiagnosis> run(Simulator simulator, CrossbarCircuit builder, Circuit free, Sample sample,
                                           double beta, List<Phase> phases, double epsilon) {
        Function<Element, PowerClass> classify = PowerClass.byRole(builder.roles());
        List<String> resistors = builder.layout().conductors().stream().map(Conductor::element).toList();
        double[] y = sample.y();
        simulator.load(free);
        Solution freeSolution = simulator.operatingPoint();
        double[] oFree = Readout.outputs(builder.layout(), freeSolution);
        List<PhaseDiagnosis> out = new ArrayList<>();
        for (Phase phase : phases) {
            Circuit circuit = free;
            Solution s = freeSolution;
            if (phase != Phase.FREE) {
                double[] currents = new double[y.length];
                for (int k = 0; k < y.length; k++) {
                    currents[k] = phase.sign() * beta * (y[k] - oFree[k]);
                }
                circuit = withCurrents(free, builder.nudgeValues(currents));
                simulator.load(circuit);
                s = simulator.operatingPoint();
            } else {
                simulator.load(free);
            }
            List<ElementPower> branches = Branches.of(circuit, s, classify);
            double[] o = Readout.outputs(builder.layout(), s);
            PseudoPower pseudo = PseudoPower.of(circuit, branches);
            String notApplicable = notApplicable(builder, pseudo);
            VariationalReport vr = notApplicable.isEmpty()
                    ? VariationalCheck.run(simulator, circuit, s, resistors, epsilon, classify) : null;
            out.add(new PhaseDiagnosis(phase, phase.sign() * beta, o, EqPropStep.loss(y, o),
                    PowerBreakdown.of(branches), pseudo, vr, notApplicable));
        }
        return out;
    }

    /** Why the PCM-vs-VDM check does not apply to this circuit, or empty when it does. */
    static String notApplicable(CrossbarCircuit builder, PseudoPower pseudo) {
        if (builder.fidelity().nonlinearMemristors()) {
            return "the crossbar devices are sinh conductors, for which dP/dg is V0^2 (cosh(dV/V0) - 1), not "
                    + "1/2 dV^2 (and ngspice cannot alter them in place)";
        }
        if (!pseudo.known()) {
            return "P is not known: " + pseudo.unknown().size() + " diodes use a library model card eqspice cannot "
                    + "read exactly (see LibraryDiode), or sit near its breakdown";
        }
        return "";
    }

    /** The circuit with the given current sources set to new values. */
    static Circuit withCurrents(Circuit circuit, Map<String, Double> amps) {
        List<Element> elements = new ArrayList<>(circuit.elements().size());
        for (Element e : circuit.elements()) {
            Double a = amps.get(e.name());
            if (a != null && e instanceof CurrentSource i) {
                elements.add(new CurrentSource(i.name(), i.from(), i.to(), a));
            } else {
                elements.add(e);
            }
        }
        return new Circuit(circuit.title(), elements, circuit.models(), circuit.options(), circuit.comments(),
                circuit.libraries());
    }
}
