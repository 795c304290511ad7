package eqspice.circuit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetlistScreenTest {
    @Test
    void acceptsAPlainDcNetlistWhoseTitleMayBeAnything() {
        assertDoesNotThrow(() -> NetlistScreen.check(List.of(".control is just a title here", "* comment",
                "v1 a 0 dc 1", "r1 a 0 1k", ".model dm d(is=1e-14)", ".options klu", ".op", ".end"), "t.cir"));
    }

    @Test
    void refusesScriptsIncludesAndCommands() {
        for (String bad : List.of(".control", ".CONTROL", "  .include /etc/passwd", ".lib models.lib tt", ".exec shell ls",
                "shell rm -rf /", ".endc", ".tran 1n 1u", "+ .control", "+shell ls", "+ 1k .include x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NetlistScreen.check(List.of("t", "v1 a 0 1", bad, ".end"), "x.cir"), bad);
            assertTrue(e.getMessage().startsWith("x.cir: line 3"), e.getMessage());
        }
    }

    @Test
    void refusesEmbeddedLineBreaks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetlistScreen.check(List.of("t", "r1 a 0 1\n.control"), "y"));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
    }
}
