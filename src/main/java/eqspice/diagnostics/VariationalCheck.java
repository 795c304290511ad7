package eqspice.diagnostics;

import eqspice.circuit.Circuit;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the variational check ({@link ConductanceCheck}): for each conductance, perturb it by
 * a relative epsilon up and down through {@link Simulator#setResistance}, re-solve, and compare
 * the central difference of the circuit's total co-content with 1/2 dV^2.
 *
 * <p>Error budget: the central difference is exact to O(epsilon^2); the solver's tolerance
 * enters as (tolerance noise of F) / (2 epsilon g), so loose tolerances need a larger epsilon.
 */
public final class VariationalCheck {
    private VariationalCheck() {
    }

    /**
     * Checks the given resistors.
     *
     * @param simulator holds {@code circuit}, loaded with exactly the values it states; every
     *                  resistance is restored before returning, also on failure
     * @param base      the simulator's solution of {@code circuit}
     * @param resistors names of the resistors to check
     * @param epsilon   relative perturbation, in (0, 0.5)
     * @throws eqspice.simulate.SimulationException when a perturbed circuit does not solve
     */
    public static VariationalReport run(Simulator simulator, Circuit circuit, Solution base, List<String> resistors,
                                        double epsilon, Function<Element, PowerClass> classify) {
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must be in (0, 0.5), got " + epsilon);
        }
        List<ElementPower> at = Branches.of(circuit, base, classify);
        List<ConductanceCheck> checks = new ArrayList<>(resistors.size());
        for (String name : resistors) {
            if (!(circuit.element(name) instanceof Resistor r)) {
                throw new IllegalArgumentException(name + " is not a resistor");
            }
            double g = r.conductance();
            Perturbed up = solve(simulator, circuit, r, g * (1 + epsilon), classify);
            Perturbed down = solve(simulator, circuit, r, g * (1 - epsilon), classify);
            double step = 2 * epsilon * g;
            double pcm = (up.total - down.total) / step;
            double v = at.get(branchOf(at, r.name())).volts();
            Map<PowerClass, Double> terms = new EnumMap<>(PowerClass.class);
            for (int k = 0; k < at.size(); k++) {
                ElementPower b = at.get(k);
                double dv = (up.branches.get(k).volts() - down.branches.get(k).volts()) / step;
                terms.merge(b.powerClass(), b.amps() * dv, Double::sum);
            }
            checks.add(new ConductanceCheck(name, g, pcm, 0.5 * v * v, terms));
        }
        return new VariationalReport(epsilon, checks);
    }

    /**
     * Index of an element's branch: by name, since a subcircuit instance has no branch of its own
     * (its terminal branches come last) and element and branch positions then differ.
     */
    private static int branchOf(List<ElementPower> branches, String name) {
        for (int k = 0; k < branches.size(); k++) {
            if (branches.get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no branch for " + name);
    }

    private record Perturbed(double total, List<ElementPower> branches) {
    }

    private static Perturbed solve(Simulator simulator, Circuit circuit, Resistor r, double siemens,
                                   Function<Element, PowerClass> classify) {
        Solution s;
        try {
            simulator.setResistance(r.name(), 1.0 / siemens);
            s = simulator.operatingPoint();
        } finally {
            simulator.setResistance(r.name(), r.ohms());
        }
        // The branches are computed for the circuit as written; only the perturbed resistor's
        // current differs (its co-content term is 1/2 v i, so fixing the branch fixes the term).
        List<ElementPower> branches = new ArrayList<>(Branches.of(circuit, s, classify));
        int k = branchOf(branches, r.name());
        ElementPower b = branches.get(k);
        branches.set(k, new ElementPower(b.name(), b.powerClass(), b.from(), b.to(), b.volts(), b.volts() * siemens));
        return new Perturbed(PseudoPower.of(circuit, branches).circuitTotal(), branches);
    }
}
