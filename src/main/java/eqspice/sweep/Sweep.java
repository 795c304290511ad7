package eqspice.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eqspice.experiment.ExperimentException;
import eqspice.experiment.ExperimentLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep: an experiment file whose {@code sweep:} section lists axes, planned into the
 * cartesian product of their values. Every point is bound and validated when the sweep is
 * loaded, so an impossible value stops the sweep before anything starts.
 *
 * @param name   the experiment's name (its results folder)
 * @param file   the experiment file
 * @param sha256 SHA-256 of the file
 * @param axes   the axes, in file order
 * @param points every point, in planning order (the last axis varies fastest)
 * @param deepestNetwork the most crossbars of any point of the whole plan: a shard keeps its plan's
 *               value, so that every shard's table has the same study columns (a network.hidden axis
 *               changes the number of crossbars, and one shard may hold none of the deepest points)
 */
public record Sweep(String name, Path file, String sha256, List<Axis> axes, List<SweepPoint> points,
                    int deepestNetwork) {
    /**
     * The most points a sweep plans: every point is validated and kept in memory when the sweep
     * loads (measured: about 2 KB and 1 ms each for a small network, 2026-12-04), and each process of a
     * sharded sweep plans all of them.
     */
    public static final int MAX_POINTS = 100_000;

    public Sweep {
        axes = List.copyOf(axes);
        points = List.copyOf(points);
    }

    /** Loads and plans a sweep file. A file without {@code sweep:} is a sweep of one point. */
    public static Sweep load(Path file) {
        return plan(file, ExperimentLoader.readBytes(file));
    }

    /** Plans a sweep from YAML held in memory. */
    public static Sweep plan(Path file, byte[] yaml) {
        ObjectNode base = ExperimentLoader.readTree(file, yaml);
        JsonNode sweep = base.remove("sweep");
        List<Axis> axes = new ArrayList<>();
        if (sweep != null) {
            if (!sweep.isObject() || sweep.size() == 0) {
                throw new ExperimentException(file + ": 'sweep' must be a section of axes, e.g. training.beta: [1e-3, 1e-2]");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sweep.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    axes.add(Axis.parse(e.getKey(), e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new ExperimentException(file + ": " + ex.getMessage(), ex);
                }
            }
        }
        long planned = 1;
        for (Axis a : axes) {
            planned = Math.multiplyExact(planned, (long) a.values().size()); // each factor <= MAX_POINTS: no overflow
            if (planned > MAX_POINTS) {
                throw new ExperimentException(String.format(java.util.Locale.ROOT, "%s: the sweep's axes make more "
                        + "than %,d points (%s), more than a sweep may have; split it into several sweep files", file,
                        MAX_POINTS, String.join(" x ", axes.stream().map(x -> x.values().size() + " " + x.field())
                                .toList())));
            }
        }
        List<SweepPoint> points = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        product(axes, 0, new LinkedHashMap<>(), assignment -> {
            ObjectNode tree = base.deepCopy();
            assignment.forEach((field, value) -> set(file, tree, field, value));
            String id = SweepPoint.idOf(assignment);
            if (!ids.add(id)) {
                throw new ExperimentException(file + ": two sweep points have the same parameters " + assignment
                        + " (an axis lists a value twice)");
            }
            ExperimentContext.run(file, assignment, () -> {
                eqspice.experiment.Experiment exp = ExperimentLoader.fromTree(file, yaml, tree);
                points.add(new SweepPoint(id, assignment, exp,
                        PointExperiment.yaml(file, exp.sha256(), id, assignment, tree, exp.name())));
            });
        });
        String name = points.get(0).experiment().name();
        int deepest = points.stream().mapToInt(p -> p.experiment().config().spec().weightLayers()).max().orElseThrow();
        return new Sweep(name, file, points.get(0).experiment().sha256(), axes, points, deepest);
    }

    /** The same sweep restricted to one shard's points. */
    public Sweep shard(Shard shard) {
        return new Sweep(name, file, sha256, axes, points.stream().filter(p -> shard.contains(p.id())).toList(),
                deepestNetwork);
    }

    /** The point with this id. */
    public SweepPoint point(String id) {
        return points.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sweep point " + id + " in " + file));
    }

    private interface PointSink {
        void accept(Map<String, JsonNode> assignment);
    }

    private static void product(List<Axis> axes, int k, LinkedHashMap<String, JsonNode> acc, PointSink sink) {
        if (k == axes.size()) {
            sink.accept(new LinkedHashMap<>(acc));
            return;
        }
        for (JsonNode v : axes.get(k).values()) {
            acc.put(axes.get(k).field(), v);
            product(axes, k + 1, acc, sink);
        }
        acc.remove(axes.get(k).field());
    }

    /** Sets a dotted field, creating missing sections (binding then rejects unknown ones). */
    private static void set(Path file, ObjectNode tree, String field, JsonNode value) {
        String[] parts = field.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(parts[i]);
            }
            if (!(child instanceof ObjectNode obj)) {
                throw new ExperimentException(file + ": sweep axis '" + field + "': '" + parts[i] + "' is not a section");
            }
            node = obj;
        }
        node.set(parts[parts.length - 1], value);
    }
}
