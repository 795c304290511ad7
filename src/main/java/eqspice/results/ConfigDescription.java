package eqspice.results;

import eqspice.network.CrossbarCircuit;
import eqspice.network.NetworkSpec;
import eqspice.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training configuration as flat, named values for provenance files and CSV columns. Kept
 * flat on purpose: a researcher greps and joins these, and nested JSON makes both harder.
 */
public final class ConfigDescription {
    private ConfigDescription() {
    }

    /** Every parameter of the run, with units in the key where there is one. */
    public static Map<String, Object> of(TrainingConfig c) {
        NetworkSpec s = c.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", CrossbarCircuit.shape(s));
        m.put("inputs", s.inputs());
        m.put("doubled_inputs", s.doubledInputs());
        m.put("bias_v", s.biasVoltages());
        m.put("hidden", s.hidden());
        m.put("outputs", s.outputs());
        m.put("activation", s.activation().map(d -> String.format(java.util.Locale.ROOT,
                "diode pair is=%s n=%s rs=%s bias %s/%s V %s", d.model().is(), d.model().n(), d.model().rs(),
                d.upperBias(), d.lowerBias(), d.orientation().name().toLowerCase(java.util.Locale.ROOT))).orElse("none"));
        m.put("amplifier", s.amplifier().map(a -> "forward " + a.forwardGain() + " backward " + a.backwardGain())
                .orElse("none"));
        m.put("g_min_s", s.bounds().gMin());
        m.put("g_max_s", s.bounds().gMax());
        m.put("task", c.task().name());
        m.put("samples", c.task().samples().size());
        m.put("estimator", c.estimator().id());
        m.put("alpha", c.alpha());
        m.put("beta", c.beta());
        m.put("epochs", c.epochs());
        m.put("batch_size", c.batchSize());
        m.put("seed", c.seed());
        m.put("init_low_s", c.initLow());
        m.put("init_high_s", c.initHigh());
        m.put("converged_loss_v2", c.convergedLoss());
        m.put("converged_rule", eqspice.train.Convergence.of(c).rule());
        m.put("layer_scaling", c.layerScaling().id());
        m.put("solver", c.solver().label());
        return m;
    }
}
