package eqspice.experiment;

/**
 * The checks and quoting shared by the section resolvers: every message starts with
 * {@code field '<path>'}, which {@link YamlErrors#at} turns into the line of that field.
 */
final class FieldChecks {
    private FieldChecks() {
    }

    static void positive(String field, Double v, String unit) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number > 0" + unitSuffix(unit)
                    + ", got " + v);
        }
    }

    static void nonNegative(String field, Double v, String unit) {
        if (v != null && !(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number >= 0" + unitSuffix(unit)
                    + ", got " + v);
        }
    }

    static void atLeastOne(String field, Integer v) {
        if (v != null && v < 1) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer >= 1, got " + v);
        }
    }

    private static String unitSuffix(String unit) {
        return unit.isEmpty() ? "" : " (" + unit + ")";
    }

    /** A user's text quoted in a message: control characters escaped, so the message stays one line. */
    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
