package eqspice.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Renders phase diagnoses as the plain-text tables {@code eqspice diagnose} prints. */
public final class DiagnosisTable {
    private DiagnosisTable() {
    }

    /** One block per phase. */
    public static String format(Iterable<PhaseDiagnosis> phases) {
        StringBuilder sb = new StringBuilder();
        for (PhaseDiagnosis d : phases) {
            phase(sb, d);
        }
        return sb.toString();
    }

    private static void phase(StringBuilder sb, PhaseDiagnosis d) {
        PowerBreakdown p = d.power();
        PseudoPower pp = d.pseudo();
        f(sb, "== phase %s (beta %+.3g S): outputs %s V, cost C %.6g V^2%n", d.phase().label(), d.beta(),
                fmt(d.outputs()), d.cost());
        f(sb, "  %-24s %14s %9s %16s%n", "class", "absorbed (W)", "share", "co-content (W)");
        double through = p.throughput();
        for (PowerClass c : PowerClass.values()) {
            if (!p.byClass().containsKey(c)) {
                continue;
            }
            String co = !c.hasCoContent() ? String.format("%16s", "-")
                    : c == PowerClass.DIODES && !pp.known() ? String.format("%16s", "n/a (library)")
                    : String.format(Locale.ROOT, "%16.6e", pp.term(c) + 0.0);
            f(sb, "  %-24s %14.6e %8.2f%% %s%n", c.label(), p.power(c), 100 * p.power(c) / through, co);
        }
        f(sb, "  %-24s %14.6e %8.2f%%%n", "amplifier pair net", p.amplifierNet(), 100 * p.amplifierNet() / through);
        f(sb, "  %-24s %14.6e   (sum of positive absorbed powers = power delivered)%n", "throughput", through);
        if (pp.known()) {
            f(sb, "  pseudo-power P %.9e W; with nudging-source terms %.9e W; P + beta C %.9e W%n", pp.pseudoPower(),
                    pp.circuitTotal(), d.nudgedTotal());
        } else {
            f(sb, "  pseudo-power P: not known (%d diodes use a library model card eqspice cannot read exactly, "
                    + "or sit near its breakdown)%n", pp.unknown().size());
        }
        f(sb, "  Tellegen residual %.3e W (%.2e of the largest term %.3e W)%n", p.tellegenResidual(),
                Math.abs(p.tellegenResidual()) / p.largestTerm(), p.largestTerm());
        PowerBreakdown.NodeResidual w = p.worstNode();
        PowerBreakdown.NodeResidual wr = p.worstRelativeNode();
        // The scale is printed because a node carrying picoamps sits at ngspice's abstol, where a large
        // relative residual is expected and harmless.
        f(sb, "  KCL worst node %s: %.3e A (%.2e of its largest current); worst relative %s: %.2e of %.2e A%n",
                w.node(), w.amps(), w.relative(), wr.node(), wr.relative(), wr.scale());
        if (p.byClass().containsKey(PowerClass.AMPLIFIER_SUBCIRCUITS)) {
            f(sb, "  (op-amp terminal currents come from KCL at their nodes, so KCL holds there by construction "
                    + "and the residuals above check the other nodes)%n");
        }
        if (d.variational() == null) {
            f(sb, "  PCM vs VDM: not applicable: %s%n", d.notApplicable());
        } else {
            variational(sb, d.variational());
        }
    }

    private static void variational(StringBuilder sb, VariationalReport v) {
        ConductanceCheck w = v.worst();
        f(sb, "  PCM vs VDM (epsilon %.1e, %d conductances): relative error max %.3e, median %.3e%n", v.epsilon(),
                v.checks().size(), v.maxRelativeError(), v.medianRelativeError());
        f(sb, "    worst %s: PCM %.6e, VDM %.6e V^2, PCM - VDM %.3e V^2%n", w.element(), w.pcm(), w.vdm(),
                w.difference());
        f(sb, "    changes i dv/dg per class (max |T| / VDM over conductances; PCM - VDM = - sum of classes"
                + " without co-content):%n");
        for (Map.Entry<PowerClass, Double> e : v.classInfluence().entrySet()) {
            f(sb, "      %-24s %10.3e%s%n", e.getKey().label(), e.getValue(), e.getKey().hasCoContent() ? "" : "  *");
        }
        f(sb, "    (* no co-content; Tellegen closure of the terms %.2e of VDM)%n", v.maxClosure());
    }

    private static String fmt(double[] values) {
        return Arrays.stream(values).mapToObj(x -> String.format(Locale.ROOT, "%.6f", x)).toList().toString();
    }

    private static void f(StringBuilder sb, String format, Object... args) {
        for (int k = 0; k < args.length; k++) {
            if (args[k] instanceof Double x) {
                args[k] = x + 0.0; // prints -0.0 (a source at 0 A times a voltage) as 0
            }
        }
        sb.append(String.format(Locale.ROOT, format, args));
    }
}
