package eqspice.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed train/test split of a data set that ships without one (Iris, digits): per class,
 * the sample indices in file order are shuffled by a Fisher-Yates pass driven by
 * {@code new SplittableRandom(SEED)} (one generator, classes in order 0, 1, ...), and the first
 * {@code round(n_class * testFraction)} of them go to the test set. Then the same generator
 * shuffles the whole index list once more, and both parts list their samples in that order (so
 * that the first n of a part, a subset limit, mixes the classes even when the file is sorted by class).
 * The seed is a constant, not the training seed: every run of every experiment sees the same split.
 */
public final class StratifiedSplit {
    /** The split's fixed seed. */
    public static final long SEED = 20261125L;

    private StratifiedSplit() {
    }

    /** Train and test parts of a data set. */
    public record Parts(LabeledData train, LabeledData test) {
    }

    public static Parts split(LabeledData all, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        boolean[] test = new boolean[all.size()];
        for (int c = 0; c < all.classes(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) {
                if (all.labels()[k] == c) {
                    members.add(k);
                }
            }
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            for (int k = idx.length - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                int t = idx[k];
                idx[k] = idx[j];
                idx[j] = t;
            }
            int nTest = (int) Math.round(idx.length * testFraction);
            for (int k = 0; k < nTest; k++) {
                test[idx[k]] = true;
            }
        }
        int[] order = java.util.stream.IntStream.range(0, all.size()).toArray();
        for (int k = order.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        int[] tr = java.util.Arrays.stream(order).filter(k -> !test[k]).toArray();
        int[] te = java.util.Arrays.stream(order).filter(k -> test[k]).toArray();
        return new Parts(all.select(all.name() + " train", tr), all.select(all.name() + " test", te));
    }
}
