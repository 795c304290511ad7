package eqspice.text;

/**
 * User text (a path, a file name, a value) made safe to write into one line of a file eqspice
 * writes: a netlist comment, a YAML or CSV header comment, a README table row.
 *
 * <p>Readers disagree on what ends a line: ngspice breaks only at {@code \n}, Java's readers also
 * at a lone {@code \r}, YAML also at U+0085, U+2028 and U+2029, Python's {@code splitlines} also at
 * vertical tab, form feed and U+001C..U+001E. A user string holding any of them could end the
 * comment it was written into and start a line of the file's own syntax. So every control
 * character, every Unicode line or paragraph separator and the bidirectional-override characters
 * (which make a line display differently from what it holds) are written as {@code \}{@code uXXXX},
 * and a backslash as two, so the escaped text reads back unambiguously. Text is escaped, not
 * screened: a folder named {@code shell} or {@code x.lib} is just text in a comment.
 */
public final class OneLine {
    private OneLine() {
    }

    /** The text with every character that could break or disguise a line escaped; null reads "null". */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                if (c == '\\') {
                    sb.append("\\\\");
                } else {
                    sb.append(String.format("\\u%04X", (int) c));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** The text {@link #escape} was given (text that escape did not write is returned as it reads). */
    public static String unescape(String escaped) {
        if (escaped.indexOf('\\') < 0) {
            return escaped;
        }
        StringBuilder sb = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length() && escaped.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else if (c == '\\' && i + 5 < escaped.length() && escaped.charAt(i + 1) == 'u'
                    && escaped.substring(i + 2, i + 6).matches("[0-9A-F]{4}")) {
                sb.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when {@code c} would be escaped: a line break or any other character a reader may act on. */
    public static boolean needsEscape(char c) {
        return c == '\\' || Character.isISOControl(c) // C0, DEL and C1 (U+0085 NEXT LINE among them)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') // bidirectional overrides
                || c == '\u200E' || c == '\u200F' || c == '\u061C' // directional marks
                || c == '\uFEFF'; // a byte-order mark in the middle of a file
    }
}
