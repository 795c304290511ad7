package eqspice.data;

/**
 * Average pooling of square grey-level images: each {@code factor x factor} block becomes its
 * mean (28x28 -> 14x14 with factor 2, 7x7 with factor 4).
 */
public final class Pooling {
    private Pooling() {
    }

    /** Pools every image of {@code d} (row-major squares of side {@code side}). */
    public static LabeledData average(LabeledData d, int side, int factor) {
        if (factor < 1 || side % factor != 0) {
            throw new IllegalArgumentException("pooling factor " + factor + " must divide the image side " + side);
        }
        if (d.width() != side * side) {
            throw new IllegalArgumentException(d.name() + " has " + d.width() + " features, not " + side + "x" + side);
        }
        if (factor == 1) {
            return d;
        }
        int out = side / factor;
        double[][] x = new double[d.size()][out * out];
        double area = factor * factor;
        for (int k = 0; k < d.size(); k++) {
            double[] img = d.features()[k];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    x[k][(r / factor) * out + c / factor] += img[r * side + c] / area;
                }
            }
        }
        return new LabeledData(d.name(), x, d.labels(), d.classes());
    }
}
