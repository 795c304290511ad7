package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The element lines ngspice 39.3 accepts silently and 46 refuses; pure text, no ngspice. */
class IncompleteElementsTest {
    private static Optional<String> first(String... body) {
        List<String> lines = new java.util.ArrayList<>(List.of("title r1 a"));
        lines.addAll(List.of(body));
        lines.add(".end");
        return IncompleteElements.first(lines);
    }

    @Test
    void completeLinesPass() {
        assertEquals(Optional.empty(), first("v1 a 0", "i1 a 0 dc 1m", "r1 a 0 1k", "r2 a 0 r = 2k", "c1 a,0,1p",
                "l1 a 0 1u", "d1 a 0 dmod", "e1 a 0 b 0 4", "x1 sub", "b1 a 0 v=1", ".model dmod d", ".op"));
    }

    @Test
    void eachShortLineIsNamedWithItsLineNumber() {
        assertEquals(Optional.of("line 3: 'r1 a': a resistor needs two nodes and a value"), first("v1 a 0 1", "r1 a"));
        assertEquals(Optional.of("line 2: 'r1 a 0': a resistor needs two nodes and a value"), first("r1 a 0"));
        assertEquals(Optional.of("line 2: 'C9 a 0': a capacitor needs two nodes and a value"), first("C9 a 0"));
        assertEquals(Optional.of("line 2: 'l1': an inductor needs two nodes and a value"), first("l1"));
        assertEquals(Optional.of("line 2: 'v2 a': a source needs two nodes"), first("v2 a"));
        assertEquals(Optional.of("line 2: 'i1 a': a source needs two nodes (and 1 more such lines)"),
                first("i1 a", "r1 a 0"));
    }

    @Test
    void commentsAreDroppedAndContinuationsJoinedAsNgspiceDoes() {
        assertEquals(Optional.of("line 2: 'r1 a 0': a resistor needs two nodes and a value"), first("r1 a 0 ; 1k"));
        assertEquals(Optional.of("line 2: 'r1 a 0': a resistor needs two nodes and a value"), first("r1 a 0 $ 1k"));
        assertEquals(Optional.of("line 2: 'r1 a 0': a resistor needs two nodes and a value"), first("r1 a 0 // 1k"));
        assertEquals(Optional.empty(), first("r1 a", "* a comment between", "", "+ 0", "+ 1k"));
        assertEquals(Optional.empty(), first("r1 a 0 1k$ a value with a dollar is not a comment"));
        // the title is never an element, whatever it says; a continuation of a dot-card is not checked
        assertEquals(Optional.empty(), first(".model d d", "+ is=1e-14"));
    }
}
