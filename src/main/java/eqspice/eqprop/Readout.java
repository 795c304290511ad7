package eqspice.eqprop;

import eqspice.circuit.SolverOptions;
import eqspice.network.CrossbarCircuit;
import eqspice.network.CrossbarLayout;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a crossbar's predictions out of a solved operating point. It lives here, not in the
 * network package, so that the network describes circuits without depending on the simulator's
 * results: data flows network -> circuit -> simulator -> solution -> here.
 */
public final class Readout {
    private Readout() {
    }

    /** The predictions V(op{k}) - V(om{k}) of a solution of a circuit with this layout. */
    public static double[] outputs(CrossbarLayout layout, Solution solution) {
        double[] o = new double[layout.spec().outputs()];
        for (int k = 0; k < o.length; k++) {
            o[k] = solution.voltage(layout.outputPlus(k)) - solution.voltage(layout.outputMinus(k));
        }
        return o;
    }

    /**
     * The predictions of the network's circuit for each of {@code inputs}, each sample loaded and
     * solved from scratch (as a designer's {@code op} does); null for a sample the simulator could
     * not solve.
     */
    public static List<double[]> solveEach(Simulator simulator, CrossbarCircuit builder, LayeredNetwork network,
                                           List<double[]> inputs, SolverOptions options) {
        List<double[]> out = new ArrayList<>(inputs.size());
        for (double[] x : inputs) {
            try {
                out.add(outputs(builder.layout(), simulator.solve(builder.build(network, x, options, List.of()))));
            } catch (SimulationException e) {
                out.add(null);
            }
        }
        return out;
    }
}
