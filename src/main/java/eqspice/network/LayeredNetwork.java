package eqspice.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A layered crossbar network: its spec and one conductance matrix per weight layer, each
 * shaped {@code spec.rows(l) x spec.columns(l)} and inside {@code spec.bounds()}.
 */
public record LayeredNetwork(NetworkSpec spec, List<ConductanceMatrix> weights) {
    public LayeredNetwork {
        weights = List.copyOf(weights);
        if (weights.size() != spec.weightLayers()) {
            throw new IllegalArgumentException("network has " + spec.weightLayers() + " weight layers but "
                    + weights.size() + " conductance matrices were given");
        }
        for (int l = 0; l < weights.size(); l++) {
            ConductanceMatrix m = weights.get(l);
            if (m.rows() != spec.rows(l) || m.columns() != spec.columns(l)) {
                throw new IllegalArgumentException("weight layer " + l + " must be " + spec.rows(l) + "x"
                        + spec.columns(l) + ", got " + m.rows() + "x" + m.columns());
            }
            if (!spec.bounds().contains(m.min()) || !spec.bounds().contains(m.max())) {
                throw new IllegalArgumentException("weight layer " + l + " has conductances in [" + m.min() + ", "
                        + m.max() + "] S, outside the bounds " + spec.bounds());
            }
        }
    }

    /**
     * A network whose conductances are drawn uniformly from [low, high] siemens by a
     * generator seeded with {@code seed} (layer by layer, row-major: the same seed gives the
     * same network).
     */
    public static LayeredNetwork random(NetworkSpec spec, double low, double high, long seed) {
        if (!(low > 0) || !(high >= low) || !spec.bounds().contains(low) || !spec.bounds().contains(high)) {
            throw new IllegalArgumentException("initial conductance range [" + low + ", " + high
                    + "] S must be non-empty and inside the bounds [" + spec.bounds().gMin() + ", "
                    + spec.bounds().gMax() + "] S");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<ConductanceMatrix> weights = new ArrayList<>();
        for (int l = 0; l < spec.weightLayers(); l++) {
            double[] v = new double[spec.rows(l) * spec.columns(l)];
            for (int k = 0; k < v.length; k++) {
                v[k] = low + (high - low) * rng.nextDouble();
            }
            weights.add(ConductanceMatrix.of(spec.rows(l), spec.columns(l), v));
        }
        return new LayeredNetwork(spec, weights);
    }

    /** A network with every conductance equal to {@code g}. */
    public static LayeredNetwork uniform(NetworkSpec spec, double g) {
        List<ConductanceMatrix> weights = new ArrayList<>();
        for (int l = 0; l < spec.weightLayers(); l++) {
            weights.add(ConductanceMatrix.filled(spec.rows(l), spec.columns(l), g));
        }
        return new LayeredNetwork(spec, weights);
    }

    /** A copy with new weights (same spec). */
    public LayeredNetwork withWeights(List<ConductanceMatrix> newWeights) {
        return new LayeredNetwork(spec, newWeights);
    }

    /** Smallest conductance over all layers. */
    public double minConductance() {
        return weights.stream().mapToDouble(ConductanceMatrix::min).min().orElseThrow();
    }

    /** Largest conductance over all layers. */
    public double maxConductance() {
        return weights.stream().mapToDouble(ConductanceMatrix::max).max().orElseThrow();
    }
}
