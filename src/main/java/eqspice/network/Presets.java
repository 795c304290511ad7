package eqspice.network;

import java.util.List;
import java.util.Optional;

/** Network shapes from the literature. */
public final class Presets {
    /** Kiraz et al. case 1: the inputs V0 and V1. */
    public static final double[] KIRAZ_CASE1_INPUTS = {-2.0, 2.0};
    /** Kiraz et al. case 1: the target output V+ - V-. */
    public static final double[] KIRAZ_CASE1_TARGET = {1.0};

    private Presets() {
    }

    /**
     * Kiraz et al. (2023) case 1: two input sources (applied as given, not doubled: their
     * V0 = -2 V and V1 = +2 V already form a signed pair), one bias source at 1 V, one hidden
     * layer of two diode-pair neurons behind Kendall's amplifiers, and one doubled output.
     */
    public static NetworkSpec kirazCase1() {
        return new NetworkSpec(2, false, List.of(1.0), List.of(2), 1, Optional.of(DiodePair.DEFAULT),
                Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
    }

    /**
     * Kendall et al. (2020): doubled inputs, one bias source at 1 V, one hidden layer of
     * diode-pair neurons with bidirectional amplifiers (forward 4, backward 1/4), doubled outputs.
     */
    public static NetworkSpec kendall(int inputs, int hidden, int outputs) {
        return new NetworkSpec(inputs, true, List.of(1.0), List.of(hidden), outputs, Optional.of(DiodePair.DEFAULT),
                Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
    }
}
