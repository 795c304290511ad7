package eqspice.diagnostics;

import eqspice.circuit.Circuit;
import eqspice.circuit.Element;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.SpiceNumber;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the power goes in one solved phase: every element's absorbed power (see
 * {@link ElementPower} for the sign convention), the sums per {@link PowerClass}, and two
 * consistency checks computed from the solution alone: Tellegen's theorem (the absorbed powers
 * of all elements sum to zero) and Kirchhoff's current law at every node.
 *
 * @param elements every element's branch
 * @param byClass  absorbed power per class (W), only the classes present
 * @param kcl      KCL residual at every node except ground
 */
public record PowerBreakdown(List<ElementPower> elements, Map<PowerClass, Double> byClass, List<NodeResidual> kcl) {
    public PowerBreakdown {
        elements = List.copyOf(elements);
        byClass = Map.copyOf(byClass);
        kcl = List.copyOf(kcl);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a power breakdown needs at least one element");
        }
    }

    /** The breakdown of a solved circuit. */
    public static PowerBreakdown of(Circuit circuit, Solution solution, Function<Element, PowerClass> classify) {
        return of(Branches.of(circuit, solution, classify));
    }

    /** The breakdown of branches already computed. */
    public static PowerBreakdown of(List<ElementPower> branches) {
        Map<PowerClass, Double> byClass = new EnumMap<>(PowerClass.class);
        Map<String, double[]> nodes = new LinkedHashMap<>(); // node -> {sum leaving, largest |current|}
        for (ElementPower b : branches) {
            byClass.merge(b.powerClass(), b.watts(), Double::sum);
            leave(nodes, b.from(), b.amps());
            leave(nodes, b.to(), -b.amps());
        }
        List<NodeResidual> kcl = new ArrayList<>();
        nodes.forEach((n, r) -> {
            if (!SpiceNames.GROUND.equals(n)) {
                kcl.add(new NodeResidual(n, r[0], r[1]));
            }
        });
        return new PowerBreakdown(branches, byClass, kcl);
    }

    private static void leave(Map<String, double[]> nodes, String node, double amps) {
        double[] r = nodes.computeIfAbsent(node, k -> new double[2]);
        r[0] += amps;
        r[1] = Math.max(r[1], Math.abs(amps));
    }

    /** Absorbed power of a class (W), 0 when the circuit has none of it. */
    public double power(PowerClass c) {
        return byClass.getOrDefault(c, 0.0);
    }

    /**
     * Net power of the bidirectional amplifiers: VCVS + CCCS (+ their 0 V sense sources, which
     * absorb nothing). Zero for a power-conserving pair; otherwise the power the pair creates
     * (negative) or destroys (positive), i.e. how far the circuit is from an energy-based model.
     * At the behavioural and transistor levels the forward amplifier is an op-amp subcircuit and
     * its rails: both are counted, so the figure stays what the amplifiers take from (or give to)
     * the rest of the circuit.
     */
    public double amplifierNet() {
        return power(PowerClass.AMPLIFIER_VCVS) + power(PowerClass.AMPLIFIER_CCCS) + power(PowerClass.SENSE_SOURCES)
                + power(PowerClass.AMPLIFIER_SUBCIRCUITS) + power(PowerClass.SUPPLY_SOURCES);
    }

    /**
     * The power flowing through the circuit: the sum of all positive absorbed powers (by
     * Tellegen equal to the power delivered). Shares in tables are fractions of it.
     */
    public double throughput() {
        return elements.stream().mapToDouble(ElementPower::watts).filter(w -> w > 0).sum();
    }

    /** Sum of all absorbed powers (W): Tellegen's theorem says 0. */
    public double tellegenResidual() {
        double sum = 0;
        for (ElementPower e : elements) {
            sum += e.watts();
        }
        return sum;
    }

    /** The largest |absorbed power| of one element (W), the scale of the Tellegen residual. */
    public double largestTerm() {
        return elements.stream().mapToDouble(e -> Math.abs(e.watts())).max().orElse(0);
    }

    /** The node with the largest absolute KCL residual. */
    public NodeResidual worstNode() {
        return kcl.stream().max(Comparator.comparingDouble(r -> Math.abs(r.amps()))).orElseThrow();
    }

    /** The node with the largest KCL residual relative to the currents meeting there. */
    public NodeResidual worstRelativeNode() {
        return kcl.stream().max(Comparator.comparingDouble(NodeResidual::relative)).orElseThrow();
    }

    /** The branch of one element. */
    public ElementPower element(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no element '" + name + "' in this breakdown"));
    }

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
}
