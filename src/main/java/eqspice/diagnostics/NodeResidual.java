package eqspice.diagnostics;

import eqspice.circuit.SpiceNames;
import eqspice.circuit.SpiceNumber;

/**
 * Kirchhoff's current law at one node of a solved circuit.
 *
 * @param node  node name
 * @param amps  sum of the currents leaving the node through all its elements (A); 0 in exact arithmetic
 * @param scale largest magnitude of those currents (A), so that the residual can be judged relatively
 */
public record NodeResidual(String node, double amps, double scale) {
    public NodeResidual {
        SpiceNames.node(node);
        SpiceNumber.finite("KCL residual at " + node, amps);
        SpiceNumber.nonNegative("current scale at " + node, scale);
    }

    /** |amps| / scale, 0 for a node without current. */
    public double relative() {
        return scale == 0 ? Math.abs(amps) : Math.abs(amps) / scale;
    }
}
