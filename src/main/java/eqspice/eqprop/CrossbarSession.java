package eqspice.eqprop;

import eqspice.circuit.SinhConductor;
import eqspice.circuit.SolverOptions;
import eqspice.network.Conductor;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Recovery;
import eqspice.simulate.Simulator;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.Solution;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * A crossbar network loaded once into a {@link Simulator}. Phases change only source values
 * and updates change only resistances, so the netlist is parsed once per run; values are
 * sent to the simulator only when they differ from what it already holds. The
 * {@link PhaseStrategy} says how phases are solved (default: all phases of a sample in one
 * sweep over EXTERNAL sources). {@link SourceValues} remembers what each source holds,
 * {@link LoadedConductances} what each conductance holds.
 *
 * <p>At a {@link Fidelity} with sinh crossbar devices a conductance cannot be changed with
 * {@code alter}: the session then loads the circuit again before the next solve, with the
 * sources as they were. Device-to-device variation is applied to every conductance it sends.
 *
 * <p>The session does not own the simulator: whoever opened it closes it.
 */
public final class CrossbarSession {
    private final Simulator simulator;
    private final CrossbarCircuit builder;
    private final LoadedConductances conductances;
    private final SourceValues sources;
    private final Map<Recovery, Integer> recoveries = new EnumMap<>(Recovery.class);
    private final SolverOptions options;
    private final List<String> comments;
    private final PhaseStrategy strategy;
    private LayeredNetwork network;
    private int reloadAbove;
    private final VoltagesAcross across;
    private final DoubleUnaryOperator deviceCoContent;

    /**
     * A session on {@code simulator} for {@code network}: by default its ideal circuit, ngspice's
     * default solver options, no comments and the default phase strategy for those options.
     */
    public static Builder builder(Simulator simulator, LayeredNetwork network) {
        return new Builder(simulator, network);
    }

    /** What a session loads; {@link #open()} builds the circuit (inputs 0 V, nudging 0 A) and loads it. */
    public static final class Builder {
        private final Simulator simulator;
        private final LayeredNetwork network;
        private Fidelity fidelity = Fidelity.IDEAL;
        private SolverOptions options = SolverOptions.DEFAULT;
        private List<String> comments = List.of();
        private PhaseStrategy strategy;

        private Builder(Simulator simulator, LayeredNetwork network) {
            if (simulator == null || network == null) {
                throw new IllegalArgumentException("a crossbar session needs a simulator and a network");
            }
            this.simulator = simulator;
            this.network = network;
        }

        /** The circuit's parts (default: ideal). */
        public Builder fidelity(Fidelity circuit) {
            this.fidelity = circuit;
            return this;
        }

        /** The solver options written into the circuit (default: {@link SolverOptions#DEFAULT}). */
        public Builder options(SolverOptions solver) {
            this.options = solver;
            return this;
        }

        /** Lines written into the loaded netlist's header (provenance). */
        public Builder comments(List<String> lines) {
            this.comments = List.copyOf(lines);
            return this;
        }

        /** How phases are solved (default: {@link PhaseStrategy#defaultFor} the solver options). */
        public Builder strategy(PhaseStrategy phases) {
            this.strategy = phases;
            return this;
        }

        /** Builds the circuit and loads it into the simulator. */
        public CrossbarSession open() {
            return new CrossbarSession(simulator, network, fidelity, options, comments,
                    strategy != null ? strategy : PhaseStrategy.defaultFor(options));
        }
    }

    private CrossbarSession(Simulator simulator, LayeredNetwork network, Fidelity fidelity, SolverOptions options,
                            List<String> comments, PhaseStrategy strategy) {
        this.simulator = simulator;
        this.reloadAbove = simulator.reloadAbove();
        this.strategy = strategy;
        this.builder = new CrossbarCircuit(network.spec(), fidelity);
        this.conductances = new LoadedConductances(simulator, builder, network);
        this.sources = new SourceValues(simulator);
        this.network = network;
        this.options = options;
        this.comments = List.copyOf(comments);
        this.across = new VoltagesAcross(conductances.conductors());
        // sinh devices: EqProp's rule is the derivative of their co-content, not 1/2 dV^2. The
        // variation factor is left out on purpose: a chip's update rule does not know it.
        double v0 = fidelity.parameters().v0();
        this.deviceCoContent = fidelity.nonlinearMemristors() ? v -> SinhConductor.coContentPerSiemens(v, v0) : null;
        reload();
    }

    /**
     * Loads the circuit of the current network again (inputs 0 V, nudging 0 A): for when
     * something else (a diagnosis) has used the simulator in between.
     */
    public void reload() {
        loadWithZeroSources(network);
        conductances.loaded(network);
    }

    /** Loads the circuit of the conductances set since (sinh devices), then puts the sources back. */
    private void reloadWithSources() {
        Map<String, Double> held = sources.snapshot();
        // LayeredNetwork refuses conductances outside the bounds: perturbations past them need the ideal fidelity.
        loadWithZeroSources(new LayeredNetwork(network.spec(), conductances.asWeights(network)));
        sources.set(held);
        conductances.reloaded();
    }

    private void loadWithZeroSources(LayeredNetwork net) {
        double[] zeros = new double[network.spec().inputs()];
        simulator.load(builder.build(net, zeros, options, comments, strategy.externalSources()));
        sources.loaded(builder.inputValues(zeros), builder.nudgeValues(new double[network.spec().outputs()]));
    }

    public CrossbarCircuit builder() {
        return builder;
    }

    /** Every conductance, in the order of the flat gradient vectors. */
    public List<Conductor> conductors() {
        return conductances.conductors();
    }

    /** The network as currently loaded. */
    public LayeredNetwork network() {
        return network;
    }

    /** Applies the logical inputs {@code x} to the input sources. */
    public void setInputs(double[] x) {
        sources.set(builder.inputSourceNames(), builder.inputVector(x));
    }

    /** Sets the nudging current of every output (A; 0 for the free phase). */
    public void setNudge(double[] currents) {
        sources.set(builder.nudgeValues(currents));
    }

    /**
     * Loads new conductances: the changed resistors are altered one by one, or, when more than
     * {@link #reloadAbove()} of them changed, the whole circuit is loaded again. The threshold is
     * the simulator's ({@link Simulator#reloadAbove}): 500 for ngspice, whose {@code alter} walks
     * its instances (docs/performance.md "Fast phases"), never for the embedded solver (measured at
     * 784x2-100-10, every conductance changed by 0.2 %: 15 ms of CPU by setting them, 50 ms by a reload,
     * which also starts the next solve from zero).
     */
    public void setNetwork(LayeredNetwork next) {
        if (!next.spec().equals(network.spec())) {
            throw new IllegalArgumentException("a session keeps its network's shape; build a new session for another");
        }
        double[] g = LoadedConductances.flatten(next);
        if (conductances.changedFrom(g) > reloadAbove) {
            network = next;
            reload();
            return;
        }
        conductances.setAll(g);
        network = next;
    }

    /** Changed conductances above which {@link #setNetwork} reloads the circuit instead of altering them (the simulator's {@link Simulator#reloadAbove} unless set). */
    public int reloadAbove() {
        return reloadAbove;
    }

    /** Sets the threshold of {@link #setNetwork} (0: always reload; {@link Integer#MAX_VALUE}: always alter). */
    public void reloadAbove(int changed) {
        if (changed < 0) {
            throw new IllegalArgumentException("reloadAbove must be >= 0, got " + changed);
        }
        this.reloadAbove = changed;
    }

    /**
     * Sets one conductance (S) by its index in {@link #conductors()} without changing
     * {@link #network()}: used to perturb a conductance for finite differences.
     */
    public void setConductance(int index, double siemens) {
        conductances.set(index, siemens);
    }

    /** The conductance currently loaded at {@code index}. */
    public double conductance(int index) {
        return conductances.get(index);
    }

    /** Solves the operating point with the current values (counting recovered solves by rung). */
    public Solution solve() {
        if (conductances.stale()) {
            reloadWithSources();
        }
        Solution s = simulator.operatingPoint();
        countRecovery(simulator.lastRecovery());
        return s;
    }

    /** How this session solves its phases. */
    public PhaseStrategy strategy() {
        return strategy;
    }

    /**
     * Solves {@code steps} phases in one go (see {@link Simulator#solveSequence}), counting
     * recovered steps by rung; afterwards the sources hold the last step's values.
     */
    public SolvedSequence solveSequence(int steps, PhasePlan plan) {
        if (conductances.stale()) {
            reloadWithSources();
        }
        SolvedSequence seq = sources.solveSequence(steps, plan);
        seq.recoveries().forEach(this::countRecovery);
        return seq;
    }

    private void countRecovery(Recovery rung) {
        if (rung.recovered()) {
            recoveries.merge(rung, 1, Integer::sum);
        }
    }

    /** Solves that needed a recovery rung since the last call, by the rung's label; the count starts again. */
    public Map<String, Integer> takeRecoveries() {
        Map<String, Integer> out = new TreeMap<>();
        recoveries.forEach((rung, n) -> out.put(rung.label(), n));
        recoveries.clear();
        return out;
    }

    /** The predictions V+ - V- of a solution. */
    public double[] outputs(Solution s) {
        return Readout.outputs(builder.layout(), s);
    }

    /** Voltage across every conductance (row node minus column node), in {@link #conductors()} order. */
    public double[] voltagesAcross(Solution s) {
        return across.of(s);
    }

    /** The estimator's dL/dg per conductance from the phases' solutions ({@code null}: a phase it does not need). */
    double[] gradient(Solution free, Solution positive, Solution negative, Estimator estimator, double beta) {
        return across.gradient(free, positive, negative, estimator, beta, deviceCoContent);
    }

    /** The simulator this session drives. */
    public Simulator simulator() {
        return simulator;
    }
}
