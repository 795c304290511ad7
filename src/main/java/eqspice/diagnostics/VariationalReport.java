package eqspice.diagnostics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The variational check over a set of conductances ({@link ConductanceCheck}), with its summary.
 *
 * @param epsilon the relative perturbation used
 * @param checks  one check per conductance
 */
public record VariationalReport(double epsilon, List<ConductanceCheck> checks) {
    public VariationalReport {
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a variational report needs at least one conductance");
        }
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must be in (0, 0.5), got " + epsilon);
        }
    }

    /** Largest relative error |PCM - VDM| / |VDM|. */
    public double maxRelativeError() {
        return checks.stream().mapToDouble(ConductanceCheck::relativeError).max().orElseThrow();
    }

    /** Median relative error. */
    public double medianRelativeError() {
        double[] e = checks.stream().mapToDouble(ConductanceCheck::relativeError).sorted().toArray();
        int n = e.length;
        return n % 2 == 1 ? e[n / 2] : 0.5 * (e[n / 2 - 1] + e[n / 2]);
    }

    /** The conductance with the largest relative error. */
    public ConductanceCheck worst() {
        return checks.stream().max(Comparator.comparingDouble(ConductanceCheck::relativeError)).orElseThrow();
    }

    /**
     * For every class, the largest |T_c| / |VDM| over the conductances: how much the changes of
     * that class's elements weigh against the voltage-difference value. Classes near zero take
     * no part in a mismatch.
     */
    public Map<PowerClass, Double> classInfluence() {
        Map<PowerClass, Double> out = new EnumMap<>(PowerClass.class);
        for (ConductanceCheck c : checks) {
            double scale = Math.abs(c.vdm());
            c.terms().forEach((cls, t) -> out.merge(cls, scale == 0 ? Math.abs(t) : Math.abs(t) / scale, Math::max));
        }
        return out;
    }

    /** Largest |closure| / |VDM| over the conductances: how well Tellegen's difference form holds. */
    public double maxClosure() {
        return checks.stream().mapToDouble(c -> c.vdm() == 0 ? Math.abs(c.closure()) : Math.abs(c.closure() / c.vdm()))
                .max().orElseThrow();
    }

    /** Relative errors in check order (for plots and CSV). */
    public double[] relativeErrors() {
        return checks.stream().mapToDouble(ConductanceCheck::relativeError).toArray();
    }

    @Override
    public String toString() {
        return "VariationalReport[epsilon=" + epsilon + ", n=" + checks.size() + ", max=" + maxRelativeError()
                + ", median=" + medianRelativeError() + ", errors=" + Arrays.toString(relativeErrors()) + "]";
    }
}
