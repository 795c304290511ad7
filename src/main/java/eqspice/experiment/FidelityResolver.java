package eqspice.experiment;

import eqspice.eqprop.Programming;
import eqspice.experiment.ExperimentDoc.FidelityDoc;
import eqspice.network.Fidelity;
import eqspice.network.FidelityParameters;
import java.util.Locale;

/**
 * Turns an experiment's {@code fidelity:} section into {@link FidelityParameters}: defaults for
 * absent fields, and errors that name the YAML field and what is allowed (the loader adds the
 * file and line).
 */
final class FidelityResolver {
    private FidelityResolver() {
    }

    static Hardware hardware(FidelityDoc f) {
        Fidelity.Level level = Fidelity.Level.IDEAL;
        if (f != null && f.trainLevel() != null) {
            try {
                level = Fidelity.Level.parse(f.trainLevel());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field 'fidelity.train_level': '" + FieldChecks.escape(f.trainLevel())
                        + "' is not allowed; allowed: ideal, behavioural, transistor", e);
            }
        }
        return new Hardware(resolve(f), level, programming(f));
    }

    static FidelityParameters resolve(FidelityDoc f) {
        FidelityParameters d = FidelityParameters.DEFAULT;
        if (f == null) {
            return d;
        }
        positive("fidelity.supply", f.supply(), " (V)");
        if (f.openLoopGain() != null && !(f.openLoopGain() > 1 && Double.isFinite(f.openLoopGain()))) {
            throw new IllegalArgumentException("field 'fidelity.open_loop_gain' must be a finite number > 1, got "
                    + f.openLoopGain());
        }
        positive("fidelity.output_resistance", f.outputResistance(), " (ohm)");
        if (f.offset() != null && !Double.isFinite(f.offset())) {
            throw new IllegalArgumentException("field 'fidelity.offset' must be a finite number (V), got " + f.offset());
        }
        positive("fidelity.v0", f.v0(), " (V)");
        if (f.variation() != null && !(f.variation() >= 0 && Double.isFinite(f.variation()))) {
            throw new IllegalArgumentException("field 'fidelity.variation' must be a finite number >= 0, got "
                    + f.variation());
        }
        boolean realDiodes = d.realDiodes();
        if (f.diode() != null) {
            realDiodes = switch (f.diode().toLowerCase(Locale.ROOT)) {
                case "1n4148" -> true;
                case "ideal" -> false;
                default -> throw new IllegalArgumentException("field 'fidelity.diode': '"
                        + FieldChecks.escape(f.diode()) + "' is not allowed; allowed: 1n4148, ideal");
            };
        }
        boolean nonlinear = d.nonlinearMemristors();
        if (f.memristor() != null) {
            nonlinear = switch (f.memristor().toLowerCase(Locale.ROOT)) {
                case "nonlinear" -> true;
                case "linear" -> false;
                default -> throw new IllegalArgumentException("field 'fidelity.memristor': '"
                        + FieldChecks.escape(f.memristor()) + "' is not allowed; allowed: nonlinear, linear");
            };
        }
        return new FidelityParameters(or(f.supply(), d.supply()), or(f.openLoopGain(), d.openLoopGain()),
                or(f.outputResistance(), d.outputResistance()), or(f.offset(), d.offset()), realDiodes, nonlinear,
                or(f.v0(), d.v0()), or(f.variation(), d.variation()), or(f.variationSeed(), d.variationSeed()));
    }

    static Programming programming(FidelityDoc f) {
        if (f == null || f.programming() == null) {
            return Programming.IDEAL;
        }
        ExperimentDoc.ProgrammingDoc p = f.programming();
        if (p.levels() != null && p.levels() != 0 && p.levels() < 2) {
            throw new IllegalArgumentException("field 'fidelity.programming.levels' must be 0 (continuous) or an integer "
                    + ">= 2, got " + p.levels());
        }
        if (p.noise() != null && !(p.noise() >= 0 && Double.isFinite(p.noise()))) {
            throw new IllegalArgumentException("field 'fidelity.programming.noise' must be a finite number >= 0, got "
                    + p.noise());
        }
        positive("fidelity.programming.potentiation", p.potentiation(), "");
        positive("fidelity.programming.depression", p.depression(), "");
        Programming d = Programming.IDEAL;
        return new Programming(or(p.levels(), d.levels()), or(p.noise(), d.noise()),
                or(p.potentiation(), d.potentiation()), or(p.depression(), d.depression()), or(p.seed(), d.seed()));
    }

    private static void positive(String field, Double v, String unit) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number > 0" + unit + ", got " + v);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
