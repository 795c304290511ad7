package eqspice.simulate;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The positions of a list of element names in a loaded circuit, looked up once per list: the bulk
 * setters ({@link Simulator#setResistances}, {@link Simulator#setSources}) are called with the same
 * list object for every update of a run (159k names at 784x2-100-10), so a list seen before costs
 * nothing. Identity, not equality: comparing 159k names per call would cost what the lookup saves.
 * {@link #forget} when another circuit is loaded.
 */
public final class NameLookup {
    private List<String> names;
    private int[] positions;

    /** The position of every name of {@code list}, by {@code lookup} unless this list was the last one. */
    public int[] positions(List<String> list, ToIntFunction<String> lookup) {
        if (list != names) {
            int[] at = new int[list.size()];
            for (int k = 0; k < at.length; k++) {
                at[k] = lookup.applyAsInt(list.get(k));
            }
            positions = at;
            names = list;
        }
        return positions;
    }

    /** Drops the remembered list: the next call looks its names up again. */
    public void forget() {
        names = null;
        positions = null;
    }
}
