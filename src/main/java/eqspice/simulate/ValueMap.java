package eqspice.simulate;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An unmodifiable map from names to numbers held as an array over a fixed {@link Index} of
 * names: what a backend hands a {@link Solution} so that a solve does not copy thousands of map
 * entries. The index is built once per loaded circuit and shared by every solution; the values
 * may be computed only when first read (a backend's branch currents that nobody asks for).
 */
public final class ValueMap extends AbstractMap<String, Double> {
    private final Index index;
    private Supplier<double[]> later;
    private volatile double[] values;

    private ValueMap(Index index, double[] values, Supplier<double[]> later) {
        this.index = index;
        this.values = values;
        this.later = later;
    }

    /** The names of a map, each at a fixed position; built once and shared. */
    public static final class Index {
        private final Map<String, Integer> positions;
        private final List<String> names;

        private Index(List<String> names) {
            this.names = List.copyOf(names);
            Map<String, Integer> p = new HashMap<>(names.size() * 2);
            for (int k = 0; k < names.size(); k++) {
                if (p.put(names.get(k), k) != null) {
                    throw new IllegalArgumentException("name '" + names.get(k) + "' appears twice in a value index");
                }
            }
            this.positions = p;
        }

        /** Number of names. */
        public int size() {
            return names.size();
        }

        /** Position of {@code name}, or -1 when it is not one of the names. */
        public int position(String name) {
            Integer k = positions.get(name);
            return k == null ? -1 : k;
        }
    }

    /** The names of this map and their positions. */
    public Index index() {
        return index;
    }

    /** The value at position {@code k} of {@link #index()}: a read without a name look-up. */
    public double at(int k) {
        return array()[k];
    }

    /** An index of distinct names, in order. */
    public static Index index(List<String> names) {
        return new Index(names);
    }

    /** The map with {@code values[k]} for the k-th name of {@code index}; the array is not copied: do not change it. */
    public static ValueMap of(Index index, double[] values) {
        check(index, values);
        return new ValueMap(index, values, null);
    }

    /** The map whose values {@code values} computes when one is first read (once). */
    public static ValueMap later(Index index, Supplier<double[]> values) {
        return new ValueMap(index, null, java.util.Objects.requireNonNull(values, "values"));
    }

    private static void check(Index index, double[] values) {
        if (values.length != index.size()) {
            throw new IllegalArgumentException(values.length + " values for " + index.size() + " names");
        }
    }

    private double[] array() {
        double[] v = values; // one volatile read once computed: no lock per value on the hot path
        return v != null ? v : compute();
    }

    private synchronized double[] compute() {
        if (values == null) {
            double[] v = later.get();
            check(index, v);
            values = v;
            later = null;
        }
        return values;
    }

    @Override
    public Double get(Object key) {
        Integer k = index.positions.get(key);
        return k == null ? null : array()[k];
    }

    @Override
    public boolean containsKey(Object key) {
        return index.positions.containsKey(key);
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                double[] v = array();
                Iterator<String> names = index.names.iterator();
                return new Iterator<>() {
                    private int k;

                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, Double> next() {
                        return new SimpleImmutableEntry<>(names.next(), v[k++]);
                    }
                };
            }

            @Override
            public int size() {
                return index.size();
            }
        };
    }
}
