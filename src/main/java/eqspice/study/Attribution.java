package eqspice.study;

import eqspice.circuit.Circuit;
import eqspice.diagnostics.PowerBreakdown;
import eqspice.diagnostics.PowerClass;
import eqspice.eqprop.ConductanceUpdate;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.GradientCheck;
import eqspice.eqprop.GradientReference;
import eqspice.eqprop.PhaseFailedException;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.Recovery;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.task.Sample;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a run ended as it did: its {@link Outcome} and the measured mechanisms, as named text
 * cells (points.csv columns). Measured after training, on the simulator that trained it, on the
 * circuit it trained:
 * <ul>
 *   <li>{@code at_gmin_l<k>}, {@code at_gmax_l<k>}: share of crossbar k's conductances at a bound at the end;</li>
 *   <li>{@code grad_cos_start|end}, {@code grad_relerr_start|end}, {@code grad_ratio_start|end_l<k>}: the step
 *       training takes (the experiment's estimator, beta and layer scaling, mean over the samples) against central
 *       finite differences through the same simulator, on the initial and the final network (only with
 *       {@code study.gradient_check});</li>
 *   <li>{@code beta_bias_start|end}: ||positive - centered|| / ||centered||, the finite-beta bias of positive
 *       nudging at the experiment's beta (mean estimates over the samples);</li>
 *   <li>{@code amp_power_share_end}: |net power of the amplifiers| / power through the circuit, free phase of the
 *       first sample, final network;</li>
 *   <li>{@code recovery_rung}: the highest rung of the recovery ladder any phase needed ({@code direct}: none).</li>
 * </ul>
 * A measurement whose phases fail is an empty cell; the outcome is always there.
 */
public final class Attribution {
    /** Relative step of the finite-difference reference. */
    public static final double FD_STEP = 1e-4;

    private Attribution() {
    }

    /** The columns for networks of at most {@code layers} crossbars (cells of smaller ones stay empty). */
    public static List<String> columns(int layers, Study study) {
        List<String> c = new ArrayList<>(List.of("outcome"));
        for (int l = 0; l < layers; l++) {
            c.add("at_gmin_l" + l);
            c.add("at_gmax_l" + l);
        }
        if (study.gradientCheck()) {
            for (String when : List.of("start", "end")) {
                c.add("grad_cos_" + when);
                c.add("grad_relerr_" + when);
                for (int l = 0; l < layers; l++) {
                    c.add("grad_ratio_" + when + "_l" + l);
                }
            }
        }
        c.addAll(List.of("beta_bias_start", "beta_bias_end", "amp_power_share_end", "recovery_rung"));
        return c;
    }

    /** The cells of a point whose run threw: its outcome only. */
    public static Map<String, String> ofFailure(RuntimeException e) {
        boolean simulation = e instanceof SimulationException || e instanceof PhaseFailedException;
        return Map.of("outcome", simulation ? Outcome.SOLVER_FAILED.id() : "error");
    }

    /**
     * Measures a finished run.
     *
     * @param simulator the simulator that trained it (free to reload)
     */
    public static Map<String, String> measure(Simulator simulator, TrainingConfig cfg, Fidelity fidelity,
                                              PhaseStrategy strategy, TrainingResult r, Study study) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("outcome", Outcome.of(cfg, r).id());
        LayeredNetwork end = r.finalNetwork();
        for (int l = 0; l < end.weights().size(); l++) {
            cells.put("at_gmin_l" + l, num(Outcome.atBoundShare(end.weights().get(l), cfg.spec().bounds(), true)));
            cells.put("at_gmax_l" + l, num(Outcome.atBoundShare(end.weights().get(l), cfg.spec().bounds(), false)));
        }
        LayeredNetwork start = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        CrossbarSession session = CrossbarSession.builder(simulator, start).fidelity(fidelity).options(cfg.solver())
                .strategy(strategy).open();
        List<Sample> samples = cfg.task().samples();
        for (String when : List.of("start", "end")) {
            if (when.equals("end")) {
                session.setNetwork(end);
            }
            if (study.gradientCheck()) {
                gradient(session, cfg, samples, when, cells);
            }
            cells.put("beta_bias_" + when, betaBias(session, cfg, samples));
        }
        cells.put("amp_power_share_end", amplifierShare(simulator, cfg, fidelity, end, samples.get(0)));
        cells.put("recovery_rung", highestRung(r));
        return cells;
    }

    private static void gradient(CrossbarSession session, TrainingConfig cfg, List<Sample> samples, String when,
                                 Map<String, String> cells) {
        try {
            GradientCheck.Row row = GradientCheck.run(session, samples, List.of(cfg.beta()), List.of(cfg.estimator()),
                    FD_STEP, cfg.layerScaling()).get(0);
            cells.put("grad_cos_" + when, num(row.cosine()));
            cells.put("grad_relerr_" + when, num(row.relativeError()));
            for (GradientCheck.LayerRatio lr : row.layers()) {
                cells.put("grad_ratio_" + when + "_l" + lr.layer(), num(lr.median()));
            }
        } catch (PhaseFailedException e) {
            cells.put("grad_cos_" + when, "");
        }
    }

    private static String betaBias(CrossbarSession session, TrainingConfig cfg, List<Sample> samples) {
        List<double[]> positive = new ArrayList<>();
        List<double[]> centered = new ArrayList<>();
        for (Sample s : samples) {
            try {
                double[] p = EqPropStep.run(session, s.x(), s.y(), Estimator.POSITIVE, cfg.beta()).gradient();
                double[] c = EqPropStep.run(session, s.x(), s.y(), Estimator.CENTERED, cfg.beta()).gradient();
                positive.add(p);
                centered.add(c);
            } catch (PhaseFailedException e) {
                // left out of both means: the bias is measured where both estimates exist
            }
        }
        if (positive.isEmpty()) {
            return "";
        }
        return num(GradientReference.relativeError(ConductanceUpdate.mean(positive), ConductanceUpdate.mean(centered)));
    }

    private static String amplifierShare(Simulator simulator, TrainingConfig cfg, Fidelity fidelity,
                                         LayeredNetwork network, Sample sample) {
        if (cfg.spec().amplifier().isEmpty()) {
            return num(0);
        }
        try {
            CrossbarCircuit builder = new CrossbarCircuit(network.spec(), fidelity);
            Circuit free = builder.build(network, sample.x(), cfg.solver(), List.of());
            simulator.load(free);
            PowerBreakdown p = PowerBreakdown.of(free, simulator.operatingPoint(), PowerClass.byRole(builder.roles()));
            return num(Math.abs(p.amplifierNet()) / p.throughput());
        } catch (SimulationException e) {
            return "";
        }
    }

    /** The highest rung of {@link Recovery} that the run's phases needed, by the ladder's order. */
    static String highestRung(TrainingResult r) {
        Recovery highest = Recovery.DIRECT;
        for (Recovery rung : Recovery.values()) {
            if (r.recoveries().containsKey(rung.label()) && rung.ordinal() > highest.ordinal()) {
                highest = rung;
            }
        }
        return highest.label();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
