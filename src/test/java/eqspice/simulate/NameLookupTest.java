package eqspice.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NameLookupTest {
    @Test
    void aListIsLookedUpOnceUntilAnotherListOrForget() {
        NameLookup lookup = new NameLookup();
        AtomicInteger calls = new AtomicInteger();
        List<String> names = new ArrayList<>(List.of("r1", "r22", "r333"));
        java.util.function.ToIntFunction<String> length = n -> {
            calls.incrementAndGet();
            return n.length();
        };
        assertArrayEquals(new int[] {2, 3, 4}, lookup.positions(names, length));
        assertArrayEquals(new int[] {2, 3, 4}, lookup.positions(names, length));
        assertEquals(3, calls.get(), "the same list object: no second lookup");
        // an equal list that is another object is looked up again (identity, not equality)
        lookup.positions(new ArrayList<>(names), length);
        assertEquals(6, calls.get());
        lookup.forget();
        lookup.positions(names, length);
        assertEquals(9, calls.get(), "after forget (another circuit loaded) the names are looked up again");
    }
}
