package eqspice.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The naming scheme that maps a {@link NetworkSpec} onto circuit nodes and elements, so that
 * the update rule and the diagnostics find every part without parsing netlist text.
 *
 * <pre>
 * inputs      doubled: nodes inp{k} / inm{k} held by sources vinp{k} (+x) / vinm{k} (-x)
 *             single:  node  in{k}          held by source  vin{k}  (x)
 * bias        node bias{b} held by source vbias{b}
 * hidden      node h{m}_{j} (hidden layer m = 1..H, unit j)
 *   diodes    du{m}_{j}: h -> nu{m}_{j}, source vdu{m}_{j} at the upper bias
 *             dl{m}_{j}: nl{m}_{j} -> h, source vdl{m}_{j} at the lower bias (CLIPPING orientation)
 *   amplifier ea{m}_{j}: VCVS driving ao{m}_{j} = A * V(h{m}_{j});
 *             va{m}_{j}: 0 V sense source from ao{m}_{j} to a{m}_{j};
 *             fa{m}_{j}: CCCS drawing backwardGain * I(va{m}_{j}) out of h{m}_{j}
 * outputs     nodes op{k} / om{k}, prediction V(op{k}) - V(om{k});
 *             nudging sources inudp{k} / inudm{k} inject current into op{k} / om{k}
 * crossbar    resistor r{l}_{i}_{j} from row node i of weight layer l to its column node j
 * </pre>
 *
 * Weight layer l's row nodes are node layer l's nodes (the amplified copies a{m}_{j} when
 * there are amplifiers) followed by the bias nodes; its column nodes are node layer l+1's.
 */
public final class CrossbarLayout {
    private final NetworkSpec spec;

    public CrossbarLayout(NetworkSpec spec) {
        this.spec = spec;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** The node of row {@code i} of weight layer {@code l}. */
    public String rowNode(int l, int i) {
        int width = spec.layerWidth(l);
        if (i < 0 || i >= spec.rows(l)) {
            throw new IndexOutOfBoundsException("row " + i + " of weight layer " + l);
        }
        if (i >= width) {
            return biasNode(i - width);
        }
        if (l == 0) {
            return inputNode(i);
        }
        return spec.amplifier().isPresent() ? "a" + l + "_" + i : hiddenNode(l, i);
    }

    /** The node of column {@code j} of weight layer {@code l}. */
    public String columnNode(int l, int j) {
        if (j < 0 || j >= spec.columns(l)) {
            throw new IndexOutOfBoundsException("column " + j + " of weight layer " + l);
        }
        if (l + 1 <= spec.hidden().size()) {
            return hiddenNode(l + 1, j);
        }
        return j % 2 == 0 ? outputPlus(j / 2) : outputMinus(j / 2);
    }

    /** The resistor of conductance (l, i, j). */
    public String resistor(int l, int i, int j) {
        return "r" + l + "_" + i + "_" + j;
    }

    /** Every crossbar conductance, layer by layer, row-major. */
    public List<Conductor> conductors() {
        List<Conductor> all = new ArrayList<>(spec.conductanceCount());
        for (int l = 0; l < spec.weightLayers(); l++) {
            for (int i = 0; i < spec.rows(l); i++) {
                String row = rowNode(l, i);
                for (int j = 0; j < spec.columns(l); j++) {
                    all.add(new Conductor(l, i, j, resistor(l, i, j), row, columnNode(l, j)));
                }
            }
        }
        return all;
    }

    /** Node of input row {@code i} (doubled inputs: even rows +x, odd rows -x). */
    public String inputNode(int i) {
        return spec.doubledInputs() ? (i % 2 == 0 ? "inp" : "inm") + i / 2 : "in" + i;
    }

    /** Source holding input row {@code i}. */
    public String inputSource(int i) {
        return "v" + inputNode(i);
    }

    /** Sign with which input row {@code i} applies its logical input: +1, or -1 for the -x copy. */
    public double inputSign(int i) {
        return spec.doubledInputs() && i % 2 == 1 ? -1.0 : 1.0;
    }

    /** Logical input applied by input row {@code i}. */
    public int inputIndex(int i) {
        return spec.doubledInputs() ? i / 2 : i;
    }

    public String biasNode(int b) {
        return "bias" + b;
    }

    public String biasSource(int b) {
        return "vbias" + b;
    }

    /** Hidden node of hidden layer {@code m} (1-based), unit {@code j}. */
    public String hiddenNode(int m, int j) {
        return "h" + m + "_" + j;
    }

    public String outputPlus(int k) {
        return "op" + k;
    }

    public String outputMinus(int k) {
        return "om" + k;
    }

    /** Current source injecting into {@link #outputPlus(int)}. */
    public String nudgePlus(int k) {
        return "inudp" + k;
    }

    /** Current source injecting into {@link #outputMinus(int)}. */
    public String nudgeMinus(int k) {
        return "inudm" + k;
    }
}
