package eqspice.diagnostics;

import eqspice.eqprop.Readout;
import eqspice.circuit.Circuit;
import eqspice.circuit.Diode;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.FidelityParameters;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import eqspice.task.Sample;
import eqspice.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same trained network evaluated at every {@link Fidelity.Level} on a task's samples: per
 * level the accuracy (a sample is correct when every output is within the task's tolerance of
 * its target, as the trainer counts; a failed solve counts as wrong), the largest and mean
 * |output - ideal output| over samples and outputs, the mean power per sample and the failed
 * solves.
 *
 * <p>Power per sample is what the network dissipates (crossbar devices and activation diodes)
 * plus what the amplifiers draw from their rails (the macro op-amps draw a quiescent current and
 * what they deliver; the CMOS ones their transistors' currents). Ideal amplifiers have no
 * rails, so at the ideal level the amplifiers' own consumption is not in the figure.
 */
public final class FidelityValidation {
    /** One level's figures, and its outputs per sample (null for a failed solve). */
    public record LevelResult(Fidelity fidelity, double accuracy, double maxDeviation, double meanDeviation,
                              double meanPower, double meanSupplyPower, int failures, List<double[]> outputs,
                              String firstFailure) {
    }

    private FidelityValidation() {
    }

    /**
     * Evaluates {@code network} at every named level, the ideal one first; with {@code byPart}
     * also with one class of parts non-ideal at a time (each amplifier model alone, then the
     * 1N4148, the sinh devices and the variation alone), so that a deviation can be traced to its part.
     */
    public static List<LevelResult> run(Simulator simulator, LayeredNetwork network, Task task,
                                        FidelityParameters parameters, SolverOptions options, boolean byPart) {
        List<Fidelity> mixes = new ArrayList<>();
        for (Fidelity.Level level : Fidelity.Level.values()) {
            mixes.add(Fidelity.of(level, parameters));
        }
        if (byPart) {
            mixes.add(new Fidelity(Fidelity.Level.BEHAVIOURAL, false, false, false, parameters));
            mixes.add(new Fidelity(Fidelity.Level.TRANSISTOR, false, false, false, parameters));
            mixes.add(new Fidelity(Fidelity.Level.IDEAL, true, false, false, parameters));
            mixes.add(new Fidelity(Fidelity.Level.IDEAL, false, true, false, parameters));
            if (parameters.variation() > 0) {
                mixes.add(new Fidelity(Fidelity.Level.IDEAL, false, false, true, parameters));
            }
        }
        List<LevelResult> out = new ArrayList<>();
        List<double[]> ideal = null;
        for (Fidelity f : mixes) {
            LevelResult r = level(simulator, network, task, f, options, ideal);
            if (ideal == null) {
                ideal = r.outputs();
            }
            out.add(r);
        }
        return out;
    }

    private static LevelResult level(Simulator simulator, LayeredNetwork network, Task task, Fidelity fidelity,
                                     SolverOptions options, List<double[]> ideal) {
        CrossbarCircuit builder = new CrossbarCircuit(network.spec(), fidelity);
        List<double[]> outputs = new ArrayList<>();
        int correct = 0;
        int failures = 0;
        int compared = 0;
        double maxDev = 0;
        double sumDev = 0;
        double power = 0;
        double supply = 0;
        String firstFailure = "";
        for (int s = 0; s < task.samples().size(); s++) {
            Sample sample = task.samples().get(s);
            Circuit c = builder.build(network, sample.x(), options, List.of());
            Solution sol;
            try {
                sol = simulator.solve(c);
            } catch (SimulationException e) {
                failures++;
                outputs.add(null);
                if (firstFailure.isEmpty()) {
                    firstFailure = "sample " + s + ": " + e.getMessage().lines().findFirst().orElse("");
                }
                continue;
            }
            double[] o = Readout.outputs(builder.layout(), sol);
            outputs.add(o);
            boolean all = true;
            for (int k = 0; k < o.length; k++) {
                all &= Math.abs(o[k] - sample.y()[k]) <= task.tolerance();
                if (ideal != null && ideal.get(s) != null) {
                    double d = Math.abs(o[k] - ideal.get(s)[k]);
                    maxDev = Math.max(maxDev, d);
                    sumDev += d;
                    compared++;
                }
            }
            correct += all ? 1 : 0;
            double[] p = power(c, sol);
            power += p[0] + p[1];
            supply += p[1];
        }
        int solved = task.samples().size() - failures;
        double nan = Double.NaN;
        return new LevelResult(fidelity, (double) correct / task.samples().size(),
                ideal == null ? 0 : compared == 0 ? nan : maxDev, ideal == null ? 0 : compared == 0 ? nan : sumDev / compared,
                solved == 0 ? nan : power / solved, solved == 0 ? nan : supply / solved, failures, outputs, firstFailure);
    }

    /**
     * {network power, supply power} of a solved circuit (W): crossbar devices and diodes
     * dissipate I V (a diode's current is its series bias source's), the rails deliver -V I.
     */
    static double[] power(Circuit c, Solution s) {
        Map<String, String> diodeSource = new HashMap<>();
        double network = 0;
        double supply = 0;
        for (Element e : c.elements()) {
            if (e instanceof Resistor r) {
                double v = s.voltage(r.a()) - s.voltage(r.b());
                network += v * v / r.ohms();
            } else if (e instanceof SinhConductor b) {
                double v = s.voltage(b.a()) - s.voltage(b.b());
                network += b.current(v) * v;
            } else if (e instanceof Diode d) {
                // du{id} is in series with vdu{id}, dl{id} with vdl{id} (CrossbarLayout's names).
                diodeSource.put(d.name(), "v" + d.name());
            } else if (e instanceof VoltageSource v && (v.name().equals(CrossbarCircuit.SUPPLY_PLUS)
                    || v.name().equals(CrossbarCircuit.SUPPLY_MINUS))) {
                supply += -v.volts() * s.current(v.name());
            }
        }
        for (Map.Entry<String, String> d : diodeSource.entrySet()) {
            Diode diode = (Diode) c.element(d.getKey());
            double vd = s.voltage(diode.anode()) - s.voltage(diode.cathode());
            // A diode's current has the sign of its voltage: the product of magnitudes is its power.
            network += Math.abs(vd) * Math.abs(s.current(d.getValue()));
        }
        return new double[] {network, supply};
    }

    /** Outputs of one sample as text, for tables. */
    public static String format(double[] o) {
        return o == null ? "failed" : Arrays.toString(o);
    }
}
