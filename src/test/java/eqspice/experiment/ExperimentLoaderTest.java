package eqspice.experiment;

import static eqspice.experiment.ExperimentYaml.GOOD;
import static eqspice.experiment.ExperimentYaml.error;
import static eqspice.experiment.ExperimentYaml.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.eqprop.Estimator;
import eqspice.eqprop.LayerScaling;
import eqspice.network.Amplifier;
import eqspice.network.DiodePair;
import eqspice.network.Presets;
import eqspice.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentLoaderTest {

    @Test
    void shippedKirazExperimentLoads() {
        Experiment e = ExperimentLoader.load(Path.of("experiments/kiraz-case1.yaml"));
        TrainingConfig c = e.config();
        assertEquals("kiraz-case1", e.name());
        assertEquals(Presets.kirazCase1(), c.spec());
        // Calibrated in SI units (S^2/V^2), not the paper's 5e-4: see the file's comments.
        assertEquals(1e-9, c.alpha());
        assertEquals(1e-6, c.beta());
        assertEquals(1e-5, c.initLow());
        assertEquals(1e-4, c.initHigh());
        assertEquals(Estimator.CENTERED, c.estimator());
        assertEquals(64, e.sha256().length());
    }

    @Test
    void shippedXorExperimentLoads() {
        TrainingConfig c = ExperimentLoader.load(Path.of("experiments/xor.yaml")).config();
        assertEquals(List.of(8), c.spec().hidden());
        assertEquals(Amplifier.KENDALL, c.spec().amplifier().orElseThrow());
        DiodePair d = c.spec().activation().orElseThrow();
        assertEquals(0.05, d.upperBias());
        assertEquals(-0.05, d.lowerBias());
        assertEquals(DiodePair.DEFAULT_MODEL, d.model());
        assertEquals(3e-8, c.alpha());
        assertEquals(4, c.task().samples().size());
    }

    @Test
    void defaultsFillTheGaps() {
        TrainingConfig c = parse(GOOD).config();
        assertEquals(Estimator.CENTERED, c.estimator());
        assertEquals(TrainingConfig.DEFAULT_EPOCHS, c.epochs());
        assertEquals(1, c.batchSize());
        assertEquals(1L, c.seed());
    }

    @Test
    void unknownFieldNamesFileLineFieldAndAllowed() {
        String m = error(GOOD.replace("alpha: 1.0e-4", "alfa: 1.0e-4"));
        assertTrue(m.startsWith("experiments/test.yaml line 7: unknown field 'training.alfa'"), m);
        assertTrue(m.contains("alpha") && m.contains("beta") && m.contains("estimator"), m);
    }

    @Test
    void layerScalingDefaultsToNoneAndNamesItsLineWhenWrong() {
        assertEquals(LayerScaling.NONE, parse(GOOD).config().layerScaling());
        assertEquals(LayerScaling.COMPENSATE, parse(GOOD + "  layer_scaling: compensate\n").config().layerScaling());
        String m = error(GOOD + "  layer_scaling: double\n");
        assertEquals("experiments/test.yaml line 9: field 'training.layer_scaling': 'double' is not a layer scaling; "
                + "use none or compensate", m);
    }

    @Test
    void wrongTypeNamesTheField() {
        String m = error(GOOD + "  epochs: many\n");
        assertEquals("experiments/test.yaml line 9: field 'training.epochs' must be an integer", m);
    }

    @Test
    void impossibleValuesNameTheField() {
        assertTrue(error(GOOD.replace("beta: 1.0e-3", "beta: -1.0")).contains("training.beta must be a finite number > 0"));
        assertTrue(error(GOOD.replace("alpha: 1.0e-4", "alpha: -1.0")).contains("training.alpha"));
        assertTrue(error(GOOD + "  estimator: sideways\n").contains("unknown estimator 'sideways': allowed are positive, negative, centered"));
        String m = error(GOOD.replace("preset: kiraz-case1", "preset: kiraz-case1\n  g_min: 1.0e-3\n  g_max: 1.0e-4"));
        assertTrue(m.contains("g_min") && m.contains("must be below g_max"), m);
    }

    @Test
    void boundaryValuesAreRefusedWithFileAndField() {
        // beta = 0 is no nudge at all (the estimate would divide by zero); g_min = g_max leaves nothing to learn.
        assertEquals("experiments/test.yaml: training.beta must be a finite number > 0, got 0.0",
                error(GOOD.replace("beta: 1.0e-3", "beta: 0.0")));
        String m = error(GOOD.replace("preset: kiraz-case1", "preset: kiraz-case1\n  g_min: 1.0e-4\n  g_max: 1.0e-4"));
        assertTrue(m.startsWith("experiments/test.yaml: ") && m.contains("g_min (1.0E-4 S) must be below g_max"), m);
        m = error(GOOD + "  init: [1.0e-7, 1.0e-4]\n");
        assertTrue(m.startsWith("experiments/test.yaml: training.init"), m);
    }

    @Test
    void targetWidthMustMatchTheOutputs() {
        String m = error(GOOD.replace("  name: kiraz-case1\ntraining", "  samples:\n    - {x: [1, 2], y: [1, 0]}\ntraining"));
        assertTrue(m.contains("2 targets per sample but network.outputs is 1"), m);
    }

    @Test
    void missingSectionsAndUnsafeNames() {
        String m = error("name: t\ntask: {name: xor}\ntraining: {alpha: 1.0, beta: 1.0}\n");
        assertTrue(m.contains("'network' is missing"), m);
        assertTrue(error(GOOD.replace("name: t1", "name: ../../etc")).contains("field 'name'"));
        assertTrue(error(GOOD.replace("preset: kiraz-case1", "preset: kirazz")).contains("allowed: kiraz-case1, kendall, custom"));
        assertTrue(error("").contains("empty"));
    }

    @Test
    void missingFileIsNamed() {
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ExperimentLoader.load(Path.of("experiments/nope.yaml")));
        assertEquals("experiments/nope.yaml: no such experiment file", e.getMessage());
    }

    /**
     * Every shipped experiment (and sweep) that needs no data set loads, and is named after its
     * file (its results folder then carries the file's name). The data-set ones are
     * DatasetExperimentTest's.
     */
    @Test
    void shippedExperimentsLoadAndAreNamedAfterTheirFiles() throws java.io.IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(Path.of("experiments"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        int loaded = 0;
        for (Path f : files) {
            String text = java.nio.file.Files.readString(f);
            String stem = f.getFileName().toString().replace(".yaml", "");
            if (text.contains("dataset:")) {
                continue;
            } else if (text.contains("\nsweep:")) {
                eqspice.sweep.Sweep sweep = eqspice.sweep.Sweep.load(f); // plans and checks every point
                assertEquals(stem, sweep.name(), f.toString());
                assertTrue(sweep.points().size() > 1, f.toString());
            } else {
                assertEquals(stem, ExperimentLoader.load(f).name(), f.toString());
            }
            loaded++;
        }
        assertTrue(loaded >= 6, "experiments without a data set: " + loaded);
    }
}
