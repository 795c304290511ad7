package eqspice.network;

import eqspice.circuit.Circuit;
import eqspice.circuit.LibraryFile;
import java.util.Locale;

/** The README.md of a {@link DesignerExport} folder: how to run it, node names, probes, outputs. */
final class DesignerReadme {
    private DesignerReadme() {
    }

    static String text(NetworkSpec spec, Fidelity fidelity, DesignerExport.Sheet sheet, Circuit c) {
        CrossbarLayout layout = new CrossbarLayout(spec);
        String n = sheet.name();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(n).append(": eqspice crossbar network, ").append(fidelity.level().id())
                .append(" level\n\n");
        sb.append("A ").append(CrossbarCircuit.shape(spec)).append(" analog network (inputs-hidden-outputs")
                .append(spec.doubledInputs() ? ", every input applied as +x and -x" : "")
                .append(") of programmable conductances trained with equilibrium propagation by eqspice. ")
                .append("This folder is self-contained: every file the netlist reads is in it, by relative path.\n\n");
        sb.append("Parts: ").append(fidelity.label()).append(".\n\n");
        sb.append("## Run it\n\n```\nngspice -b ").append(n).append(".cir\n```\n\n");
        sb.append("prints the DC operating point (every node voltage and source current). Interactively: `ngspice ")
                .append(n).append(".cir`, then `op` and e.g. `print ").append(outputExpr(layout, 0)).append("`.\n")
                .append("Made and checked with ngspice 46: the netlist uses standard SPICE elements, plus ngspice B ")
                .append("sources where a part is behavioural (the op-amp macro model, sinh crossbar devices).\n\n");
        sb.append("| file | what it holds |\n|---|---|\n");
        sb.append("| `").append(n).append(".cir` | the top netlist: sources holding one sample's inputs, the crossbars, ")
                .append("activations, amplifiers, options and `.op` |\n");
        sb.append("| `").append(n).append(".lib` | the same network as subcircuit `")
                .append(NetworkSubcircuit.subcircuitName(n)).append("` with one parameter per crossbar conductance ")
                .append("(see below) |\n");
        sb.append("| `").append(SubcircuitTestbench.FILE).append("` | every sample of the task through one instance of ")
                .append("the subcircuit, printed next to eqspice's outputs and the targets |\n");
        for (LibraryFile lib : c.libraries()) {
            sb.append("| `").append(lib.includePath()).append("` | ").append(libraryRole(lib.fileName()))
                    .append("; its comments say where each parameter comes from |\n");
        }
        sb.append("| `conductances.csv` | the trained (programmed) conductance of every crossbar device: ")
                .append("`layer,i,j,element,g_siemens` |\n");
        if (fidelity.varied()) {
            sb.append("| `device_conductances.csv` | the conductance each device in the netlist really has after ")
                    .append("device-to-device variation (same columns) |\n");
        }
        sb.append("\n## Every sample: the subcircuit and its testbench\n\n```\nngspice -b ").append(SubcircuitTestbench.FILE)
                .append("\n```\n\nprints one row per sample: `out{k}` = V(op{k}) - V(om{k}) of the circuit, `eqspice{k}` = ")
                .append("eqspice's own solve of the same network, `diff{k}` (their difference: a few 1e-12 V when the ")
                .append("circuit reproduces the trained network) and `target{k}`. To use the network in your own ")
                .append("testbench, `.include ").append(n).append(".lib` and instantiate `")
                .append(NetworkSubcircuit.subcircuitName(n)).append("` with the ports listed at the top of the file ")
                .append("(inputs, bias rows, outputs").append(fidelity.level() == Fidelity.Level.IDEAL ? "" : ", rails vdd vss")
                .append("). Parameter `g{l}_{i}_{j}` is the conductance of device `r{l}_{i}_{j}` (default: the ")
                .append("exported value): override it per instance (`x1 ... g0_0_0=2e-5`), sweep it, or give it a ")
                .append("spread with `.param` expressions.\n");
        sb.append("\n## Node and element names\n\n| name | what it is |\n|---|---|\n");
        for (int i = 0; i < spec.layerWidth(0); i++) {
            sb.append("| `").append(layout.inputNode(i)).append("` (source `").append(layout.inputSource(i))
                    .append("`) | input row ").append(i).append(": ").append(layout.inputSign(i) < 0 ? "-" : "+")
                    .append("x").append(layout.inputIndex(i)).append(" |\n");
        }
        for (int b = 0; b < spec.biasVoltages().size(); b++) {
            sb.append("| `").append(layout.biasNode(b)).append("` (source `").append(layout.biasSource(b))
                    .append("`) | bias row, ").append(spec.biasVoltages().get(b)).append(" V |\n");
        }
        sb.append("| `h{m}_{j}` | hidden unit j of hidden layer m (the neuron's voltage) |\n");
        if (spec.activation().isPresent()) {
            sb.append("| `du{m}_{j}`, `dl{m}_{j}` with sources `vdu{m}_{j}`, `vdl{m}_{j}` | the activation: two diodes ")
                    .append("from h to bias sources at ").append(spec.activation().get().upperBias()).append(" V and ")
                    .append(spec.activation().get().lowerBias()).append(" V |\n");
        }
        if (spec.amplifier().isPresent()) {
            Amplifier amp = spec.amplifier().get();
            if (fidelity.level() == Fidelity.Level.IDEAL) {
                sb.append("| `ea{m}_{j}` (VCVS) | forward amplifier: drives `ao{m}_{j}` with gain ")
                        .append(amp.forwardGain()).append(" times V(h{m}_{j}) |\n");
            } else {
                sb.append("| `xa{m}_{j}` (bidirectional op-amp amplifier subcircuit, pins: in = h, out = ao, vdd, vss) ")
                        .append("| forward: drives `ao{m}_{j}` with gain ").append(amp.forwardGain())
                        .append(" times V(h{m}_{j}); backward: senses the current it drives (resistor `rs` ")
                        .append("inside its loop) and its Howland pump draws ").append(amp.backwardGain())
                        .append(" times that current out of h{m}_{j} |\n");
            }
            sb.append("| `va{m}_{j}` | 0 V source from `ao{m}_{j}` to `a{m}_{j}`: ammeter of the current the amplifier ")
                    .append("drives into the next crossbar (`a{m}_{j}` is that crossbar's row) |\n");
            if (fidelity.level() == Fidelity.Level.IDEAL) {
                sb.append("| `fa{m}_{j}` (CCCS) | backward path: draws ").append(amp.backwardGain())
                        .append(" x I(va{m}_{j}) out of h{m}_{j} |\n");
            }
            if (fidelity.level() != Fidelity.Level.IDEAL) {
                sb.append("| `vdd` / `vss` (sources `vsupp` / `vsupn`) | amplifier supply rails, +/-")
                        .append(fidelity.parameters().supply()).append(" V |\n");
            }
        }
        sb.append("| `op{k}` / `om{k}` | the doubled output k: prediction = V(op{k}) - V(om{k}) |\n");
        sb.append("| `inudp{k}` / `inudm{k}` | nudging current sources into op{k} / om{k}, 0 A here (the free phase) |\n");
        sb.append("| `").append(fidelity.nonlinearMemristors() ? "br{l}_{i}_{j}" : "r{l}_{i}_{j}")
                .append("` | crossbar device of weight layer l from row node i to column node j")
                .append(fidelity.nonlinearMemristors() ? ": a B source with I = g V0 eqs_sinh(V/V0), V0 = "
                        + fidelity.parameters().v0() + " V; `eqs_sinh`, defined by the `.func` line at the top of the "
                        + "netlist, is sinh continued along its tangent beyond 30 (far from any operating point: it "
                        + "keeps Newton's trial points from overflowing)"
                        : ", holding 1/g ohms").append(" |\n");
        sb.append("\n## What to probe\n\n");
        for (int k = 0; k < spec.outputs(); k++) {
            sb.append("- `print ").append(outputExpr(layout, k)).append("`: output ").append(k).append(".\n");
        }
        sb.append("- `print v(h1_0)` ...: hidden neurons; with amplifiers, `print i(va1_0)` is the current each ")
                .append("amplifier drives forward.\n");
        if (fidelity.level() != Fidelity.Level.IDEAL && spec.amplifier().isPresent()) {
            sb.append("- `print i(vsupp) i(vsupn)`: supply currents (negative = drawn from the rail); power = ")
                    .append("-(").append(fidelity.parameters().supply()).append(" i(vsupp) - ")
                    .append(fidelity.parameters().supply()).append(" i(vsupn)).\n");
        }
        sb.append("- To apply another sample, change the `dc` values of the input sources above (")
                .append(spec.doubledInputs() ? "`vinp{k}` holds +x_k and `vinm{k}` holds -x_k" : "`vin{k}` holds x_k")
                .append(").\n\n");
        sb.append("## How the outputs map to the task\n\n");
        sb.append("This netlist holds the inputs x = ").append(java.util.Arrays.toString(sheet.x()))
                .append(" V. An output counts as correct when it is within ")
                .append(String.format(Locale.ROOT, "%.4g", sheet.tolerance()))
                .append(" V of its target (eqspice's accuracy rule). ").append(sheet.readout()).append("\n\n");
        sb.append("| output | probe | target | eqspice's solve of this netlist | within tolerance |\n|---|---|---|---|---|\n");
        for (int k = 0; k < spec.outputs(); k++) {
            double[] h = sheet.harness();
            sb.append("| ").append(k).append(" | `").append(outputExpr(layout, k)).append("` | ")
                    .append(DesignerExport.volts(sheet.y()[k])).append(" | ")
                    .append(h == null ? "not solved" : DesignerExport.volts(h[k])).append(" | ")
                    .append(h == null ? "" : Math.abs(h[k] - sheet.y()[k]) <= sheet.tolerance() ? "yes" : "no")
                    .append(" |\n");
        }
        sb.append("\n## Where the weights come from\n\n");
        for (String p : sheet.provenance()) {
            sb.append("- ").append(p).append('\n');
        }
        return sb.toString();
    }

    private static String outputExpr(CrossbarLayout layout, int k) {
        return "v(" + layout.outputPlus(k) + ")-v(" + layout.outputMinus(k) + ")";
    }

    private static String libraryRole(String file) {
        return switch (file) {
            case ModelLibrary.DIODES -> "the 1N4148 diode model card";
            case ModelLibrary.BEHAVIOURAL_AMPLIFIER -> "the op-amp macro model `eqs_opamp_beh` and the "
                    + "bidirectional amplifier `eqs_amp_beh` built from three of them";
            case ModelLibrary.CMOS_AMPLIFIER -> "the CMOS two-stage op-amp (`eqs_opamp_cmos`), the "
                    + "bidirectional amplifier `eqs_amp_cmos` built from three of them, and the level-1 MOSFET cards";
            default -> "a model library";
        };
    }
}
