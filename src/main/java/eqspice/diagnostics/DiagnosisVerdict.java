package eqspice.diagnostics;

import java.util.List;
import java.util.Locale;

/**
 * The one line {@code eqspice diagnose} ends with: does the circuit behave as the energy-based model
 * EqProp assumes (dP/dg = 1/2 dV^2 for every conductance, the PCM-vs-VDM check), and if not, how much
 * power its amplifiers create or absorb, the usual reason.
 */
public final class DiagnosisVerdict {
    /**
     * Largest PCM-vs-VDM relative error that still counts as the identity holding. The check is a
     * finite difference with step epsilon, so it carries an error of order epsilon itself: 4.1e-5 at
     * the default epsilon 1e-4 on Kiraz's circuit with the power-conserving pair, where the identity
     * holds; with Kendall's pair the same check misses by 0.7 to 4.
     */
    static final double HOLDS = 1e-3;

    private DiagnosisVerdict() {
    }

    /** The verdict over the diagnosed phases. */
    public static String of(List<PhaseDiagnosis> phases) {
        double worst = 0;
        String where = "";
        int checked = 0;
        for (PhaseDiagnosis d : phases) {
            if (d.variational() != null) {
                checked++;
                if (d.variational().maxRelativeError() >= worst) {
                    worst = d.variational().maxRelativeError();
                    where = d.phase().label();
                }
            }
        }
        PowerBreakdown free = phases.get(0).power();
        double created = -free.amplifierNet() / free.throughput();
        String amps = Math.abs(created) < 1e-6 ? "its amplifiers neither create nor absorb power"
                : String.format(Locale.ROOT, "its amplifier pairs %s %.2g %% of the power delivered (phase %s)",
                        created > 0 ? "create" : "absorb", 100 * Math.abs(created), phases.get(0).phase().label());
        if (checked == 0) {
            return "verdict: EqProp's identity cannot be checked here (" + phases.get(0).notApplicable() + "); " + amps;
        }
        if (worst <= HOLDS) {
            return String.format(Locale.ROOT, "verdict: an energy-based model: dP/dg = 1/2 dV^2 for every conductance "
                    + "to %.1e (largest relative error, %d phase(s)); %s", worst, checked, amps);
        }
        return String.format(Locale.ROOT, "verdict: NOT the energy-based model EqProp assumes: dP/dg misses 1/2 dV^2 "
                + "by up to %.3g (relative, phase %s); %s; the element classes without co-content (above, marked *) "
                + "account for the gap",
                worst, where, amps);
    }
}
