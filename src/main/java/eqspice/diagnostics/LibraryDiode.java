package eqspice.diagnostics;

import eqspice.circuit.Circuit;
import eqspice.circuit.LibraryFile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A diode model read from one of a circuit's library files (the 1N4148 card), for its
 * co-content. At DC such a diode is a junction (IS, N, with the circuit's gmin across it; see
 * {@link #junctionCurrent}) in series with RS: v = v_j + RS i. Its current i is measured (the series bias source's),
 * so the junction voltage is v - RS i and the co-content is the junction's at v_j plus
 * RS i^2 / 2 (the integral of i dv = i dv_j + RS i di).
 *
 * <p>Only cards whose DC behaviour is exactly that are accepted: IS, N, RS, the capacitance
 * and transit-time parameters (no DC effect) and a breakdown voltage BV, whose region the
 * junction must stay well away from (above -BV/2). A card with anything else (high-injection
 * IKF, temperature parameters, a value with a unit suffix) is not read, and its co-content stays unknown.
 *
 * @param is  saturation current (A)
 * @param n   emission coefficient
 * @param rs  series resistance (ohm)
 * @param bv  breakdown voltage (V), infinite when the card has none
 */
record LibraryDiode(double is, double n, double rs, double bv) {
    private static final Set<String> NO_DC_EFFECT = Set.of("cjo", "cj0", "vj", "m", "fc", "tt", "ibv");

    /** The model {@code name} as a library file of {@code circuit} defines it, when its card can be read. */
    static Optional<LibraryDiode> find(Circuit circuit, String name) {
        for (LibraryFile f : circuit.libraries()) {
            Optional<String> card = card(f.lines(), name);
            if (card.isPresent()) {
                return parse(card.get());
            }
        }
        return Optional.empty();
    }

    /** The co-content at terminal voltage {@code v} carrying the measured current {@code i}, if the junction is in range. */
    Optional<Double> coContent(double v, double i, double gmin) {
        double junction = v - rs * i;
        if (!(junction > -bv / 2)) {
            return Optional.empty();
        }
        return Optional.of(junctionCoContent(junction, gmin) + 0.5 * rs * i * i);
    }

    /**
     * The junction's current as ngspice computes it: Shockley down to -3 N Vt, below that SPICE's
     * reverse law -IS (1 + (3 N Vt / (e v))^3) (measured here: at -1 V the 1N4148 carries
     * -4.3523e-9 A, the reverse law's value, not Shockley's -4.3530e-9 A); gmin v across it.
     */
    double junctionCurrent(double v, double gmin) {
        double knee = -3 * nvt();
        if (v >= knee) {
            return new ShockleyDiode(is, n, gmin).current(v);
        }
        double a = 3 * nvt() / (v * Math.E);
        return -is * (1 + a * a * a) + gmin * v;
    }

    /** The integral of {@link #junctionCurrent} from 0 to {@code v}. */
    double junctionCoContent(double v, double gmin) {
        ShockleyDiode shockley = new ShockleyDiode(is, n, gmin);
        double knee = -3 * nvt();
        if (v >= knee) {
            return shockley.coContent(v);
        }
        double k = Math.pow(3 * nvt() / Math.E, 3); // the reverse law is -IS (1 + k / v^3)
        return shockley.coContent(knee) - is * (v - knee) + 0.5 * is * k * (1 / (v * v) - 1 / (knee * knee))
                + 0.5 * gmin * (v * v - knee * knee);
    }

    private double nvt() {
        return n * ShockleyDiode.VT;
    }

    /** The text of a {@code .model name d(...)} card with its continuation lines, lower case. */
    private static Optional<String> card(List<String> lines, String name) {
        for (int k = 0; k < lines.size(); k++) {
            String[] t = lines.get(k).strip().toLowerCase(Locale.ROOT).split("\\s+", 3);
            if (t.length == 3 && t[0].equals(".model") && t[1].equals(name)) {
                StringBuilder sb = new StringBuilder(t[2]);
                for (int j = k + 1; j < lines.size() && lines.get(j).strip().startsWith("+"); j++) {
                    sb.append(' ').append(lines.get(j).strip().substring(1));
                }
                return Optional.of(sb.toString());
            }
        }
        return Optional.empty();
    }

    static Optional<LibraryDiode> parse(String card) {
        String body = card.strip();
        if (!body.startsWith("d")) {
            return Optional.empty();
        }
        body = body.substring(1).replace("(", " ").replace(")", " ").replace(",", " ").strip();
        Map<String, Double> p = new HashMap<>();
        for (String kv : body.split("\\s+")) {
            if (kv.isEmpty()) {
                continue;
            }
            String[] t = kv.split("=", 2);
            if (t.length != 2) {
                return Optional.empty();
            }
            try {
                p.put(t[0], Double.parseDouble(t[1]));
            } catch (NumberFormatException e) {
                return Optional.empty(); // e.g. a unit suffix: not read rather than misread
            }
        }
        for (String k : p.keySet()) {
            if (!Set.of("is", "n", "rs", "bv").contains(k) && !NO_DC_EFFECT.contains(k)) {
                return Optional.empty();
            }
        }
        double is = p.getOrDefault("is", 1e-14);
        double n = p.getOrDefault("n", 1.0);
        double rs = p.getOrDefault("rs", 0.0);
        double bv = p.getOrDefault("bv", Double.POSITIVE_INFINITY);
        if (!(is > 0) || !(n > 0) || !(rs >= 0) || !(bv > 0) || !Double.isFinite(is + n + rs)) {
            return Optional.empty();
        }
        return Optional.of(new LibraryDiode(is, n, rs, bv));
    }
}
