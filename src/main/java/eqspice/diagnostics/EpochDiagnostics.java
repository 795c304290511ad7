package eqspice.diagnostics;

import eqspice.circuit.Circuit;
import eqspice.eqprop.Phase;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.train.EpochProbe;
import eqspice.task.Sample;
import eqspice.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics columns of {@code eqspice run --diagnostics}: after every epoch, the free
 * phase of one sample is diagnosed on the current network. The variational check costs two
 * solves per conductance, so this is for small networks and off by default.
 */
public final class EpochDiagnostics implements EpochProbe {
    private static final List<String> COLUMNS = List.of("diag_pseudo_power_w", "diag_amplifier_net_w",
            "diag_tellegen_rel", "diag_kcl_worst_a", "diag_pcm_vdm_max_rel", "diag_pcm_vdm_median_rel");

    private final Simulator simulator;
    private final TrainingConfig cfg;
    private final Sample sample;
    private final double epsilon;
    private final Fidelity fidelity;

    /**
     * @param sample  index of the task sample whose free phase is diagnosed
     * @param epsilon relative perturbation of the variational check
     */
    public EpochDiagnostics(Simulator simulator, TrainingConfig cfg, int sample, double epsilon) {
        this(simulator, cfg, sample, epsilon, Fidelity.IDEAL);
    }

    /**
     * Diagnostics of the circuit at {@code fidelity} (the one being trained). Where P or the
     * PCM-vs-VDM check does not apply there (sinh devices, an unreadable diode card) those columns are NaN.
     */
    public EpochDiagnostics(Simulator simulator, TrainingConfig cfg, int sample, double epsilon, Fidelity fidelity) {
        if (sample < 0 || sample >= cfg.task().samples().size()) {
            throw new IllegalArgumentException("--diagnostics-sample must be between 0 and "
                    + (cfg.task().samples().size() - 1) + ", got " + sample);
        }
        this.simulator = simulator;
        this.cfg = cfg;
        this.sample = cfg.task().samples().get(sample);
        this.epsilon = epsilon;
        this.fidelity = fidelity;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Map<String, Double> measure(LayeredNetwork network) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            CrossbarCircuit builder = new CrossbarCircuit(network.spec(), fidelity);
            Circuit free = builder.build(network, sample.x(), cfg.solver(), List.of());
            PhaseDiagnosis d = CrossbarDiagnosis.run(simulator, builder, free, sample, cfg.beta(), List.of(Phase.FREE),
                    epsilon).get(0);
            VariationalReport v = d.variational();
            out.put(COLUMNS.get(0), d.pseudo().known() ? d.pseudo().pseudoPower() : Double.NaN);
            out.put(COLUMNS.get(1), d.power().amplifierNet());
            out.put(COLUMNS.get(2), d.power().tellegenResidual() / d.power().largestTerm());
            out.put(COLUMNS.get(3), Math.abs(d.power().worstNode().amps()));
            out.put(COLUMNS.get(4), v == null ? Double.NaN : v.maxRelativeError());
            out.put(COLUMNS.get(5), v == null ? Double.NaN : v.medianRelativeError());
        } catch (SimulationException e) {
            COLUMNS.forEach(c -> out.put(c, Double.NaN)); // recorded as NaN: the run goes on
        }
        return out;
    }
}
