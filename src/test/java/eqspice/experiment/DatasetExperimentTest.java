package eqspice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.data.Dataset;
import eqspice.data.RealData;
import eqspice.train.TrainingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The task.dataset and baseline fields, and the shipped data-set experiments. */
class DatasetExperimentTest {
    private static Experiment parse(String yaml) {
        return ExperimentLoader.parse(Path.of("experiments/t.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static final String IRIS = """
            network:
              inputs: 4
              hidden: [3]
              outputs: 3
            task:
              dataset:
                name: iris
            %s
            training:
              alpha: 1.0e-8
              beta: 1.0e-6
            %s
            """;

    @Test
    void defaultsEncodeOneVoltRangesAndTurnTheBaselineOn() {
        RealData.ensure(Dataset.IRIS);
        Experiment e = parse(IRIS.formatted("", ""));
        TrainingConfig c = e.config();
        assertEquals(120, c.task().samples().size());
        assertEquals(30, c.task().test().size());
        assertTrue(c.task().classification());
        assertEquals(0.5, c.task().tolerance(), "half the 0 .. 1 V target swing");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (var s : c.task().samples()) {
            for (double v : s.x()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        assertEquals(-1.0, lo, 1e-12, "training features span the default input range");
        assertEquals(1.0, hi, 1e-12);
        assertTrue(e.baseline().isPresent());
        assertEquals(0.02, e.baseline().get().learningRate());
    }

    @Test
    void explicitFieldsAreUsed() {
        RealData.ensure(Dataset.IRIS);
        Experiment e = parse(IRIS.formatted("""
                    input_range: [-2.0, 2.0]
                    target_high: 0.5
                    target_low: -0.5
                    train_size: 40
                    test_size: 10
                """.stripTrailing(), "baseline:\n  enabled: false"));
        assertEquals(40, e.config().task().samples().size());
        assertEquals(10, e.config().task().test().size());
        assertEquals(0.5, e.config().task().samples().get(0).y()[Task0.argmax(e)], 1e-12);
        assertFalse(e.baseline().isPresent());
    }

    /** The class of the first training sample. */
    private static final class Task0 {
        static int argmax(Experiment e) {
            return eqspice.task.Task.argmax(e.config().task().samples().get(0).y());
        }
    }

    @Test
    void xorKeepsNoBaselineUnlessAskedFor() {
        String xor = """
                network:
                  inputs: 2
                  hidden: [8]
                  outputs: 1
                task:
                  name: xor
                training:
                  alpha: 1.0e-8
                  beta: 1.0e-6
                """;
        assertFalse(parse(xor).baseline().isPresent());
        assertFalse(parse(xor).config().task().classification());
        assertTrue(parse(xor + "baseline:\n  enabled: true\n").baseline().isPresent());
    }

    @Test
    void wrongSizesNameTheirField() {
        String m = assertThrows(ExperimentException.class, () -> parse(IRIS.formatted("    train_size: 0", "")))
                .getMessage();
        assertEquals("experiments/t.yaml line 8: field 'task.dataset.train_size' must be an integer >= 1 "
                + "(leave it out for all), got 0", m);
        m = assertThrows(ExperimentException.class, () -> parse(IRIS.formatted("    target_low: 2.0", "")))
                .getMessage();
        assertTrue(m.contains("field 'task.dataset.target_low' (2.0 V) must be below task.dataset.target_high (1.0 V)"), m);
        m = assertThrows(ExperimentException.class, () -> parse(IRIS.replace("inputs: 4", "inputs: 5")
                .formatted("", ""))).getMessage();
        assertTrue(m.contains("task 'iris' has 4 inputs per sample but network.inputs is 5"), m);
    }

    @Test
    void shippedDataSetExperimentsLoad() {
        RealData.ensure(Dataset.IRIS);
        RealData.ensure(Dataset.DIGITS);
        Experiment iris = ExperimentLoader.load(Path.of("experiments", "iris.yaml"));
        assertEquals(4, iris.config().spec().inputs());
        Experiment digits = ExperimentLoader.load(Path.of("experiments", "digits.yaml"));
        assertEquals(1438, digits.config().task().samples().size());
        assertEquals(359, digits.config().task().test().size());
        assertTrue(digits.baseline().isPresent());
    }

    /**
     * The full-size Fashion-MNIST experiments load when the data set is provisioned (it is not
     * fetched here: 30 MB; {@code eqspice datasets fetch fashion-mnist}), as the runs in
     * docs/tasks.md used them.
     */
    @Test
    void shippedFashionMnistExperimentsLoadWhenTheDataSetIsThere() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                eqspice.data.DatasetCache.fromEnvironment().present(Dataset.FASHION_MNIST),
                "fashion-mnist is not provisioned");
        Experiment full = ExperimentLoader.load(Path.of("experiments", "fashion-mnist-28x28-embedded.yaml"));
        assertEquals("fashion-mnist-28x28-embedded", full.name());
        assertEquals(784, full.config().spec().inputs());
        assertEquals(60000, full.config().task().samples().size());
        assertEquals(10000, full.config().task().test().size());
        assertEquals(eqspice.eqprop.LayerScaling.COMPENSATE, full.config().layerScaling());
        // the diodes must bend at the hidden nodes' few hundred millivolts: with IS 1e-12 A the
        // hidden layer of this network is linear (docs/tasks.md, "Fashion-MNIST 28x28")
        assertEquals(1e-3, full.config().spec().activation().orElseThrow().model().is());
        assertEquals(2, full.config().epochs());
        assertEquals(eqspice.simulate.BackendChoice.Backend.COSIM, full.simulator().backend());
        assertTrue(full.baseline().isPresent());
        Experiment pooled = ExperimentLoader.load(Path.of("experiments", "fashion-mnist-14x14-embedded.yaml"));
        assertEquals(196, pooled.config().spec().inputs());
        assertEquals(2.5e-4, pooled.config().spec().activation().orElseThrow().model().is());
    }
}
