package eqspice.eqprop;

import eqspice.network.CrossbarLayout;
import eqspice.simulate.Solution;

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
}
