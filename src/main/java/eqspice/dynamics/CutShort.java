package eqspice.dynamics;

import eqspice.circuit.Circuit;
import eqspice.eqprop.Readout;
import eqspice.network.CrossbarCircuit;
import eqspice.network.NetworkSpec;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Solution;
import eqspice.simulate.TransientRun;
import eqspice.simulate.TransientSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * How the EqProp gradient estimate degrades when every phase is cut short at time T: the phases
 * of the chosen samples run in time, each T long and each from the state the one before left
 * (a nudged phase nudges with the output the free phase had reached at T), and the estimate is
 * formed from the states at the phases' ends, as a chip that samples its voltages at T would.
 * Compared with the estimate from the DC operating points (the trainer's), as the mean over the
 * samples: the cosine between them, and per weight layer the scale (the least-squares factor
 * s_l with estimate_l = s_l dc_l; 1 when the layer's estimate is right) and the cosine.
 */
public final class CutShort {
    /** Points per phase at least: a phase cut to T takes steps of at most T / this. */
    static final double STEPS_PER_CUT = 50;

    /**
     * One cut.
     *
     * @param time        T, the length of every phase (s)
     * @param cosine      cosine between the estimate at T and the DC estimate (NaN when the run failed)
     * @param layerScale  per weight layer, the least-squares scale of the estimate against the DC one
     * @param layerCosine per weight layer, the cosine
     * @param outputError largest |output at the end of a free phase - its DC value| over the samples (V)
     * @param failure     why the run failed, or empty
     */
    public record Row(double time, double cosine, double[] layerScale, double[] layerCosine, double outputError,
                      String failure) {
    }

    private CutShort() {
    }

    /** The cut-short estimate at each of {@code times} against the DC estimate. */
    public static List<Row> run(TransientSimulator simulator, DynamicsSetup setup, List<Double> times) {
        CrossbarCircuit builder = setup.builder();
        PhaseChain chain = setup.chain(builder);
        Circuit circuit = setup.circuit(builder);
        simulator.load(circuit);
        List<Solution> dcEnds = chain.atDc(simulator);
        double[] dc = chain.estimate(dcEnds);
        NetworkSpec spec = setup.network().spec();
        List<Row> rows = new ArrayList<>();
        for (double t : times) {
            int layers = spec.weightLayers();
            try {
                TransientRun run = simulator.transientRun(circuit, chain.inTime(t, Math.min(setup.maxStep(),
                        t / STEPS_PER_CUT)));
                List<Solution> ends = new ArrayList<>();
                for (int k = 0; k < run.phases(); k++) {
                    ends.add(run.trajectory().at(run.endOf(k)));
                }
                double[] est = chain.estimate(ends);
                double[] scale = new double[layers];
                double[] cos = new double[layers];
                int at = 0;
                for (int l = 0; l < layers; l++) {
                    int n = spec.rows(l) * spec.columns(l);
                    scale[l] = dot(est, dc, at, n) / dot(dc, dc, at, n);
                    cos[l] = cosine(est, dc, at, n);
                    at += n;
                }
                double err = 0;
                for (int k = 0; k < ends.size(); k += chain.phasesPerSample()) {
                    double[] o = Readout.outputs(builder.layout(), ends.get(k));
                    double[] o0 = Readout.outputs(builder.layout(), dcEnds.get(k));
                    for (int j = 0; j < o.length; j++) {
                        err = Math.max(err, Math.abs(o[j] - o0[j]));
                    }
                }
                rows.add(new Row(t, cosine(est, dc, 0, est.length), scale, cos, err, ""));
            } catch (SimulationException e) {
                double[] nan = new double[layers];
                java.util.Arrays.fill(nan, Double.NaN);
                rows.add(new Row(t, Double.NaN, nan, nan.clone(), Double.NaN,
                        e.getMessage().lines().findFirst().orElse("failed")));
            }
        }
        return rows;
    }

    /** {@code count} times spaced evenly in log from {@code shortest} to {@code longest}. */
    public static List<Double> logSpaced(double shortest, double longest, int count) {
        if (!(shortest > 0) || !(longest >= shortest) || count < 1) {
            throw new IllegalArgumentException("cut times need 0 < shortest <= longest and at least one point");
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double f = count == 1 ? 1 : (double) k / (count - 1);
            out.add(shortest * Math.pow(longest / shortest, f));
        }
        return out;
    }

    private static double dot(double[] a, double[] b, int from, int n) {
        double s = 0;
        for (int k = from; k < from + n; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double cosine(double[] a, double[] b, int from, int n) {
        return dot(a, b, from, n) / Math.sqrt(dot(a, a, from, n) * dot(b, b, from, n));
    }
}
