package eqspice.bench;

import eqspice.eqprop.Readout;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Element;
import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the phase benchmarks solve: a Kendall crossbar (diode pairs, amplifiers 4 and 1/4) with
 * conductances drawn from a fixed seed, and samples with inputs in [-1, 1] and targets in
 * [0, 0.5]; each sample is one centered EqProp step (free, +beta, -beta phases).
 *
 * @param spec    the network's shape
 * @param network its conductances
 * @param xs      inputs per sample
 * @param ys      targets per sample
 */
public record PhaseWorkload(NetworkSpec spec, LayeredNetwork network, double[][] xs, double[][] ys) {
    /** The nudging strength of every benchmark step. */
    public static final double BETA = 1e-6;
    /** Phases per sample (centered estimator). */
    public static final int PHASES = 3;

    /**
     * A Kendall network with inputs applied once (as {@link NetlistBench#mnistSpec()}: 784-100-10
     * is then the ~80k-resistor crossbar); 2-2-1 is Kiraz et al.'s case 1.
     */
    public static NetworkSpec spec(int inputs, int hidden, int outputs) {
        if (inputs == 2 && hidden == 2 && outputs == 1) {
            return Presets.kirazCase1();
        }
        NetworkSpec k = Presets.kendall(inputs, hidden, outputs);
        return new NetworkSpec(inputs, false, k.biasVoltages(), k.hidden(), k.outputs(), k.activation(), k.amplifier(),
                k.bounds());
    }

    /** A workload of {@code samples} samples on a network drawn with seed 7. */
    public static PhaseWorkload of(NetworkSpec spec, int samples) {
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 7);
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] xs = new double[samples][spec.inputs()];
        double[][] ys = new double[samples][spec.outputs()];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < spec.inputs(); i++) {
                xs[s][i] = rnd.nextDouble(-1, 1);
            }
            for (int k = 0; k < spec.outputs(); k++) {
                ys[s][k] = rnd.nextDouble(0, 0.5);
            }
        }
        return new PhaseWorkload(spec, net, xs, ys);
    }

    /** A session for the strategy on {@code simulator}. */
    public CrossbarSession session(Simulator simulator, SolverOptions options, PhaseStrategy strategy) {
        return CrossbarSession.builder(simulator, network).options(options).strategy(strategy).open();
    }

    /** One EqProp step (3 phases) for sample {@code s}. */
    public EqPropStep.Result step(CrossbarSession session, int s) {
        return EqPropStep.run(session, xs[s % xs.length], ys[s % ys.length], Estimator.CENTERED, BETA);
    }

    /** The three phases of sample {@code s} as a plan: free, then +beta and -beta from the free outputs. */
    public PhasePlan plan(CrossbarCircuit builder, int s) {
        double[] x = xs[s % xs.length];
        double[] y = ys[s % ys.length];
        return (k, solved) -> {
            if (k == 0) {
                Map<String, Double> v = new HashMap<>(builder.inputValues(x));
                v.putAll(builder.nudgeValues(new double[y.length]));
                return v;
            }
            return builder.nudgeValues(nudge(builder, solved.get(0), y, k == 1 ? 1 : -1));
        };
    }

    /** Nudging currents sign * beta * (y - o) of a free solution. */
    static double[] nudge(CrossbarCircuit builder, Solution free, double[] y, int sign) {
        double[] o = Readout.outputs(builder.layout(), free);
        double[] c = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            c[j] = sign * BETA * (y[j] - o[j]);
        }
        return c;
    }

    /**
     * The "reload" strategy: every phase writes and loads the whole netlist (DC sources carrying
     * the phase's values) and solves one {@code op}.
     */
    public List<Solution> reloadPhases(Simulator simulator, CrossbarCircuit builder, SolverOptions options, int s) {
        double[] x = xs[s % xs.length];
        double[] y = ys[s % ys.length];
        List<Solution> out = new ArrayList<>(PHASES);
        Circuit base = builder.build(network, x, options, List.of());
        out.add(simulator.solve(base));
        for (int sign : new int[] {1, -1}) {
            Map<String, Double> nudges = builder.nudgeValues(nudge(builder, out.get(0), y, sign));
            out.add(simulator.solve(withCurrents(base, nudges)));
        }
        return out;
    }

    private static Circuit withCurrents(Circuit c, Map<String, Double> amps) {
        List<Element> els = new ArrayList<>(c.elements().size());
        for (Element e : c.elements()) {
            els.add(e instanceof CurrentSource i && amps.containsKey(i.name())
                    ? new CurrentSource(i.name(), i.from(), i.to(), amps.get(i.name())) : e);
        }
        return new Circuit(c.title(), els, c.models(), c.options(), c.comments());
    }
}
