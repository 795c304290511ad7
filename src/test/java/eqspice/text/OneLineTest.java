package eqspice.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OneLineTest {
    /** Every character some reader ends a line at: Java, YAML 1.1, Python's splitlines, editors. */
    private static final String BREAKS = "\n\u000b\u000c\r\u001c\u001d\u001e\u0085\u2028\u2029";

    @Test
    void plainTextIsLeftAsItIs() {
        String plain = "experiments/shell/x.lib.yaml: .control *# µ-range ; $ //";
        assertSame(plain, OneLine.escape(plain));
        assertSame(plain, OneLine.unescape(plain));
    }

    @Test
    void everyLineBreakAnyReaderKnowsIsEscaped() {
        for (char c : BREAKS.toCharArray()) {
            String e = OneLine.escape("a" + c + "b");
            assertEquals(String.format("a\\u%04Xb", (int) c), e);
            assertEquals(1, e.lines().count());
            assertEquals(1, e.split("\\R", -1).length, "not even \\R (which includes U+2028) splits it");
        }
        assertEquals("tab\\u0009, del\\u007F, override\\u202E, bom\\uFEFF, back\\\\slash",
                OneLine.escape("tab\t, del\u007f, override\u202e, bom\ufeff, back\\slash"));
        assertEquals("null", OneLine.escape(null));
    }

    @Test
    void unescapeGivesBackWhatWasEscaped() {
        Random r = new Random(7);
        for (int k = 0; k < 2000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                sb.append(switch (r.nextInt(4)) {
                    case 0 -> BREAKS.charAt(r.nextInt(BREAKS.length()));
                    case 1 -> '\\';
                    case 2 -> 'u';
                    default -> (char) r.nextInt(0x3000);
                });
            }
            String s = sb.toString();
            String e = OneLine.escape(s);
            assertEquals(s, OneLine.unescape(e));
            for (char c : e.toCharArray()) {
                assertFalse(c != '\\' && OneLine.needsEscape(c), "left unescaped: U+" + Integer.toHexString(c));
            }
        }
        for (String s : List.of("\\u2028 written by hand", "\\\\u2028")) {
            assertEquals(s, OneLine.unescape(OneLine.escape(s)));
        }
    }
}
