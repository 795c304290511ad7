package eqspice.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ValueMapTest {
    private final ValueMap.Index index = ValueMap.index(List.of("a", "b", "c"));

    @Test
    void equalsTheMapOfItsNamesAndValues() {
        ValueMap m = ValueMap.of(index, new double[] {1.5, -2.0, 0.25});
        assertEquals(Map.of("a", 1.5, "b", -2.0, "c", 0.25), m);
        assertEquals(Map.of("a", 1.5, "b", -2.0, "c", 0.25).hashCode(), m.hashCode());
        assertEquals(-2.0, m.get("b"));
        assertNull(m.get("d"));
        assertThrows(UnsupportedOperationException.class, () -> m.put("a", 3.0));
        assertThrows(UnsupportedOperationException.class, () -> m.entrySet().iterator().next().setValue(3.0));
    }

    @Test
    void computesLaterValuesOnceWhenFirstRead() {
        AtomicInteger calls = new AtomicInteger();
        ValueMap m = ValueMap.later(index, () -> {
            calls.incrementAndGet();
            return new double[] {1, 2, 3};
        });
        assertEquals(3, m.size());
        assertEquals(0, calls.get(), "size and names need no values");
        assertEquals(2.0, m.get("b"));
        assertEquals(3.0, m.get("c"));
        assertEquals(1, calls.get());
    }

    @Test
    void refusesValuesThatDoNotFitTheIndexAndRepeatedNames() {
        assertThrows(IllegalArgumentException.class, () -> ValueMap.of(index, new double[] {1, 2}));
        ValueMap wrong = ValueMap.later(index, () -> new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> wrong.get("a"));
        assertThrows(IllegalArgumentException.class, () -> ValueMap.index(List.of("a", "a")));
    }

    @Test
    void solutionKeepsAValueMapWithoutCopyingIt() {
        ValueMap v = ValueMap.of(index, new double[] {1, 2, 3});
        Solution s = new Solution(v, Map.of("vin", 0.5));
        assertSame(v, s.voltages());
        assertEquals(3.0, s.voltage("c"));
        assertEquals(0.0, s.voltage("0"));
    }

    @Test
    void readsByPositionOfItsIndex() {
        ValueMap m = ValueMap.of(index, new double[] {4, 5, 6});
        assertSame(index, m.index());
        assertEquals(1, index.position("b"));
        assertEquals(-1, index.position("z"));
        assertEquals(5.0, m.at(index.position("b")));
    }
}
