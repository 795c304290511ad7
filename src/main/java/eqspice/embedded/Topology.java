package eqspice.embedded;

import eqspice.circuit.Cccs;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.NetlistException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which quantities of a circuit are unknowns. A node held by an independent voltage source to
 * ground is a known (the source's value): in a crossbar that is every input, bias and diode
 * bias node, which leaves only the hidden, amplifier and output nodes free. Modified nodal
 * analysis adds a branch-current unknown only where it is needed: for the VCVS and for voltage
 * sources that are floating or sensed by a CCCS. A diode with series resistance adds its
 * internal node, as in ngspice.
 *
 * <p>Terminals are encoded as one int ({@link #ref}): an unknown's index (&gt;= 0), ground
 * ({@link #GROUND}), or known node k as {@code -2 - k}.
 */
final class Topology {
    static final int GROUND = -1;

    final List<String> nodes;                                 // every circuit node except ground, in circuit order
    final int[] nodeRef;                                      // ref of every node
    final List<String> unknownNames = new ArrayList<>();      // for messages: node name or "i(name)"
    final List<Boolean> unknownIsCurrent = new ArrayList<>();
    final Map<String, Integer> knownIndex = new LinkedHashMap<>(); // known node -> index
    final List<Integer> knownSource = new ArrayList<>();      // per known node: index into voltageSources
    final List<Double> knownSign = new ArrayList<>();         // +1 when the source's plus is the node, -1 for its minus

    final List<VoltageSource> voltageSources = new ArrayList<>();
    final Map<String, Integer> voltageSourceIndex = new HashMap<>();
    final List<Integer> voltageSourceBranch = new ArrayList<>(); // branch unknown, or -1 when the source holds a known node
    final List<Resistor> resistors = new ArrayList<>();
    final Map<String, Integer> resistorIndex = new HashMap<>();
    final List<CurrentSource> currentSources = new ArrayList<>();
    final Map<String, Integer> currentSourceIndex = new HashMap<>();
    final List<Diode> diodes = new ArrayList<>();
    final List<Integer> diodeInternal = new ArrayList<>();   // ref of the junction's anode side (internal node or the anode)
    final List<DiodeModel> diodeModels = new ArrayList<>();
    final List<Vcvs> vcvs = new ArrayList<>();
    final List<Integer> vcvsBranch = new ArrayList<>();
    final List<Cccs> cccs = new ArrayList<>();
    final int size;
    /** Per unknown: whether it is a branch current (tolerance abstol) rather than a voltage (vntol). */
    final boolean[] currentUnknown;

    private final Map<String, Integer> unknownOfNode = new HashMap<>();

    Topology(Circuit circuit) {
        Map<String, DiodeModel> models = new HashMap<>();
        circuit.models().forEach(m -> models.put(m.name(), m));
        Set<String> sensed = new HashSet<>();
        for (Element e : circuit.elements()) {
            sort(e, models);
            if (e instanceof Cccs f) {
                sensed.add(f.senseSource());
            }
        }
        nodes = circuit.nodes();
        for (int k = 0; k < voltageSources.size(); k++) {
            VoltageSource v = voltageSources.get(k);
            int branch = -1;
            boolean grounded = SpiceNames.GROUND.equals(v.minus()) != SpiceNames.GROUND.equals(v.plus());
            String held = SpiceNames.GROUND.equals(v.minus()) ? v.plus() : v.minus();
            if (!grounded || sensed.contains(v.name()) || knownIndex.containsKey(held)) {
                branch = -2; // decided below, once the node unknowns are numbered
            } else {
                knownIndex.put(held, knownIndex.size());
                knownSource.add(k);
                knownSign.add(held.equals(v.plus()) ? 1.0 : -1.0);
            }
            voltageSourceBranch.add(branch);
        }
        nodeRef = new int[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            String node = nodes.get(n);
            Integer known = knownIndex.get(node);
            nodeRef[n] = known != null ? -2 - known : addUnknown(node, false);
            if (known == null) {
                unknownOfNode.put(node, nodeRef[n]);
            }
        }
        for (int d = 0; d < diodes.size(); d++) {
            Diode diode = diodes.get(d);
            diodeInternal.add(diodeModels.get(d).rs() > 0 ? addUnknown(diode.name() + "#internal", false)
                    : ref(diode.anode()));
        }
        for (int k = 0; k < voltageSources.size(); k++) {
            if (voltageSourceBranch.get(k) == -2) {
                voltageSourceBranch.set(k, addUnknown("i(" + voltageSources.get(k).name() + ")", true));
            }
        }
        for (Vcvs e : vcvs) {
            vcvsBranch.add(addUnknown("i(" + e.name() + ")", true));
        }
        size = unknownNames.size();
        currentUnknown = new boolean[size];
        for (int u = 0; u < size; u++) {
            currentUnknown[u] = unknownIsCurrent.get(u);
        }
    }

    private void sort(Element e, Map<String, DiodeModel> models) {
        if (e instanceof Resistor r) {
            resistorIndex.put(r.name(), resistors.size());
            resistors.add(r);
        } else if (e instanceof VoltageSource v) {
            voltageSourceIndex.put(v.name(), voltageSources.size());
            voltageSources.add(v);
        } else if (e instanceof CurrentSource i) {
            currentSourceIndex.put(i.name(), currentSources.size());
            currentSources.add(i);
        } else if (e instanceof Diode d) {
            diodes.add(d);
            diodeModels.add(models.get(d.model()));
        } else if (e instanceof Vcvs v) {
            vcvs.add(v);
        } else if (e instanceof Cccs f) {
            cccs.add(f);
        } else {
            throw new NetlistException("the embedded backend cannot simulate element " + e.name() + " ("
                    + e.getClass().getSimpleName() + "); it solves resistors, independent voltage and current sources, "
                    + "diodes, VCVS and CCCS - use the ngspice backend for this circuit", List.of(e.spiceLine()));
        }
    }

    private int addUnknown(String name, boolean current) {
        unknownNames.add(name);
        unknownIsCurrent.add(current);
        return unknownNames.size() - 1;
    }

    /** The ref of a node by name (ground, known or unknown). */
    int ref(String node) {
        if (SpiceNames.GROUND.equals(node)) {
            return GROUND;
        }
        Integer u = unknownOfNode.get(node);
        if (u != null) {
            return u;
        }
        Integer k = knownIndex.get(node);
        if (k == null) {
            throw new IllegalStateException("node " + node + " is neither known nor unknown");
        }
        return -2 - k;
    }

    int knownCount() {
        return knownIndex.size();
    }

    /** Branch unknown of the voltage source that a CCCS senses. */
    int sensedBranch(Cccs f) {
        return voltageSourceBranch.get(voltageSourceIndex.get(f.senseSource()));
    }
}
