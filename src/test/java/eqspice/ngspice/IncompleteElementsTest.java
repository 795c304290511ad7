package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The element statements ngspice 39.3 accepts silently and 46 refuses; pure text, no ngspice. */
class IncompleteElementsTest {
    @Test
    void completeStatementsPass() {
        assertEquals(Optional.empty(), IncompleteElements.first(List.of("v1 a 0", "i1 a 0 dc 1m", "r1 a 0 1k",
                "r2 a 0 r = 2k", "c1 a,0,1p", "l1 a 0 1u", "d1 a 0 dmod", "e1 a 0 b 0 4", "x1 sub", "b1 a 0 v=1",
                ".model dmod d", ".param r=1k")));
    }

    @Test
    void eachShortStatementIsNamedWithWhatItLacks() {
        assertEquals(Optional.of("'r1 a': a resistor needs two nodes and a value"),
                IncompleteElements.first(List.of("v1 a 0 1", "r1 a")));
        assertEquals(Optional.of("'r1 a 0': a resistor needs two nodes and a value"),
                IncompleteElements.first(List.of("r1 a 0")));
        assertEquals(Optional.of("'C9 a 0': a capacitor needs two nodes and a value"),
                IncompleteElements.first(List.of("C9 a 0")));
        assertEquals(Optional.of("'l1': an inductor needs two nodes and a value"), IncompleteElements.first(List.of("l1")));
        assertEquals(Optional.of("'v2 a': a source needs two nodes"), IncompleteElements.first(List.of("v2 a")));
        assertEquals(Optional.of("'i1 a': a source needs two nodes (and 1 more such lines)"),
                IncompleteElements.first(List.of("i1 a", "r9 b 0 1k", "r1 a 0")));
    }
}
