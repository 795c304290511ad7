package eqspice.network;

import eqspice.circuit.Cccs;
import eqspice.circuit.Diode;
import eqspice.circuit.Element;
import eqspice.circuit.SubcircuitCall;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of one hidden unit of a crossbar circuit at a {@link Fidelity}: the diode pair of
 * its activation with their bias sources, and its bidirectional amplifier (a VCVS and a CCCS at
 * the ideal level, one op-amp subcircuit that also pumps the backward current otherwise), with
 * the 0 V source {@code va{m}_{j}} that measures the current it drives forward.
 */
final class HiddenUnitParts {
    private final CrossbarLayout layout;
    private final Fidelity fidelity;

    HiddenUnitParts(CrossbarLayout layout, Fidelity fidelity) {
        this.layout = layout;
        this.fidelity = fidelity;
    }

    /** Appends hidden unit j of hidden layer m (1-based) to {@code elements}. */
    void add(List<Element> elements, int m, int j) {
        NetworkSpec spec = layout.spec();
        String h = layout.hiddenNode(m, j);
        String id = m + "_" + j;
        spec.activation().ifPresent(pair -> {
            boolean clip = pair.orientation() == DiodePair.Orientation.CLIPPING;
            String up = "nu" + id;
            String low = "nl" + id;
            String model = fidelity.realDiodes() ? ModelLibrary.D1N4148 : pair.model().name();
            elements.add(clip ? new Diode("du" + id, h, up, model) : new Diode("du" + id, up, h, model));
            elements.add(new VoltageSource("vdu" + id, up, "0", pair.upperBias()));
            elements.add(clip ? new Diode("dl" + id, low, h, model) : new Diode("dl" + id, h, low, model));
            elements.add(new VoltageSource("vdl" + id, low, "0", pair.lowerBias()));
        });
        spec.amplifier().ifPresent(amp -> {
            FidelityParameters p = fidelity.parameters();
            List<String> nodes = List.of(h, "ao" + id, "vdd", "vss");
            switch (fidelity.level()) {
                case IDEAL -> elements.add(new Vcvs("ea" + id, "ao" + id, "0", h, "0", amp.forwardGain()));
                case BEHAVIOURAL -> elements.add(new SubcircuitCall("xa" + id, nodes, ModelLibrary.BEHAVIOURAL_SUBCKT,
                        orderedMap("gain", amp.forwardGain(), "back", amp.backwardGain(), "a0", p.openLoopGain(),
                        "rout", p.outputResistance(), "voff", p.offset())));
                case TRANSISTOR -> elements.add(new SubcircuitCall("xa" + id, nodes, ModelLibrary.CMOS_SUBCKT,
                        orderedMap("gain", amp.forwardGain(), "back", amp.backwardGain(), "supply", p.supply())));
                default -> throw new IllegalStateException();
            }
            elements.add(new VoltageSource("va" + id, "ao" + id, "a" + id, 0.0));
            // The op-amp amplifiers sense their own output current and pump the backward current
            // themselves; only the ideal pair needs the CCCS.
            if (fidelity.level() == Fidelity.Level.IDEAL) {
                elements.add(new Cccs("fa" + id, h, "0", "va" + id, amp.backwardGain()));
            }
        });
    }

    /** Subcircuit parameters in the order given (a stable netlist line). */
    private static Map<String, Double> orderedMap(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], (Double) kv[k + 1]);
        }
        return m;
    }
}
