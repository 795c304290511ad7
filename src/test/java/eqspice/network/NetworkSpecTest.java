package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each with... changes its own field, keeps every other one, and is validated like the constructor. */
class NetworkSpecTest {
    private static final NetworkSpec K = Presets.kirazCase1();

    @Test
    void eachWithChangesOnlyItsField() {
        ConductanceBounds bounds = new ConductanceBounds(1e-7, 1e-3);
        DiodePair pair = new DiodePair(DiodePair.DEFAULT_MODEL, 0.05, -0.05, DiodePair.Orientation.CLIPPING);
        assertEquals(new NetworkSpec(3, false, List.of(1.0), List.of(2), 1, K.activation(), K.amplifier(), K.bounds()),
                K.withInputs(3));
        assertEquals(new NetworkSpec(2, true, List.of(1.0), List.of(2), 1, K.activation(), K.amplifier(), K.bounds()),
                K.withDoubledInputs(true));
        assertEquals(new NetworkSpec(2, false, List.of(), List.of(2), 1, K.activation(), K.amplifier(), K.bounds()),
                K.withBiasVoltages(List.of()));
        assertEquals(new NetworkSpec(2, false, List.of(1.0), List.of(4, 3), 1, K.activation(), K.amplifier(),
                K.bounds()), K.withHidden(List.of(4, 3)));
        assertEquals(new NetworkSpec(2, false, List.of(1.0), List.of(2), 2, K.activation(), K.amplifier(), K.bounds()),
                K.withOutputs(2));
        assertEquals(new NetworkSpec(2, false, List.of(1.0), List.of(2), 1, Optional.of(pair), K.amplifier(),
                K.bounds()), K.withActivation(Optional.of(pair)));
        assertEquals(new NetworkSpec(2, false, List.of(1.0), List.of(2), 1, K.activation(), Optional.empty(),
                K.bounds()), K.withAmplifier(Optional.empty()));
        assertEquals(new NetworkSpec(2, false, List.of(1.0), List.of(2), 1, K.activation(), K.amplifier(), bounds),
                K.withBounds(bounds));
    }

    @Test
    void withIsValidatedLikeTheConstructor() {
        assertEquals("network needs at least one output, got 0",
                assertThrows(IllegalArgumentException.class, () -> K.withOutputs(0)).getMessage());
        assertEquals("hidden layer sizes must be >= 1, got [2, 0]",
                assertThrows(IllegalArgumentException.class, () -> K.withHidden(List.of(2, 0))).getMessage());
    }
}
