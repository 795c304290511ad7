package eqspice.dynamics;

import eqspice.circuit.Circuit;
import eqspice.network.CrossbarCircuit;
import eqspice.network.ElementRole;
import eqspice.network.Fidelity;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import eqspice.simulate.TransientRun;
import eqspice.simulate.TransientSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the EqProp phases of a {@link DynamicsSetup} in time, each from the state the one before
 * left, and reports per phase whether it reached the DC operating point of its source values
 * ({@link Settling}), and the energy every source delivered during it ({@link PhaseEnergy}),
 * grouped by what the source is for; per sample the energy of its training step (its free and
 * nudged phases together). The DC operating points are solved with the same circuit and the
 * same values the phases applied. Also times the transient run against the same phases solved
 * as DC operating points (wall clock, the same simulator, one after the other).
 */
public final class PhaseDynamics {
    /** Energy groups, in table order. */
    public static final List<String> GROUPS = List.of("supply", "inputs", "bias", "diode bias", "nudging",
            "amplifiers");

    /**
     * One phase.
     *
     * @param step     which sample and phase
     * @param start    when it started (s, from the run's start)
     * @param settling whether and how it reached the DC operating point
     * @param energy   energy delivered during the phase by each source (J), by element name
     * @param groups   the same, summed by {@link #GROUPS}
     * @param stored   change of the energy stored in the added capacitances over the phase (J)
     * @param endPower power all sources deliver at the phase's end (W): what each further second of it costs
     */
    public record PhaseReport(PhaseChain.Step step, double start, Settling.Result settling, Map<String, Double> energy,
                              Map<String, Double> groups, double stored, double endPower) {
        /** Energy delivered by every source together (J). */
        public double total() {
            return groups.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * The run's outcome.
     *
     * @param phases          every phase, in order
     * @param stepEnergy      per chosen sample, the energy of its phases together (J)
     * @param transientSeconds wall time of the transient run (s)
     * @param dcSeconds       wall time of the same phases as DC operating points (s)
     */
    public record Report(List<PhaseReport> phases, List<Double> stepEnergy, double transientSeconds, double dcSeconds,
                         TransientRun run) {
    }

    private PhaseDynamics() {
    }

    /** Runs the phases of {@code setup} at full length (its phase time). */
    public static Report run(TransientSimulator simulator, DynamicsSetup setup) {
        CrossbarCircuit builder = setup.builder();
        PhaseChain chain = setup.chain(builder);
        Circuit circuit = setup.circuit(builder);
        long t0 = System.nanoTime();
        TransientRun run = simulator.transientRun(circuit, chain.inTime(setup.phaseTime(), setup.maxStep()));
        double transientSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        simulator.load(circuit);
        chain.atDc(simulator);
        double dcSeconds = (System.nanoTime() - t1) / 1e9;
        List<Solution> dc = dcOfApplied(simulator, run);
        List<String> nodes = new ArrayList<>(run.trajectory().voltages().keySet());
        List<Double> rails = setup.fidelity().level() == Fidelity.Level.IDEAL ? List.of()
                : List.of(setup.fidelity().parameters().supply(), -setup.fidelity().parameters().supply());
        List<PhaseReport> phases = new ArrayList<>();
        List<PhaseChain.Step> steps = chain.steps();
        for (int k = 0; k < steps.size(); k++) {
            Settling.Result s = Settling.analyse(run.trajectory(), run.startOf(k), run.endOf(k), dc.get(k), nodes,
                    setup.tolerance(), rails);
            Map<String, Double> energy = PhaseEnergy.bySource(circuit, run, k);
            phases.add(new PhaseReport(steps.get(k), run.boundaries()[k], s, energy, groups(energy, builder.roles()),
                    PhaseEnergy.storedChange(circuit, run, k), PhaseEnergy.powerAtEnd(circuit, run, k)));
        }
        List<Double> perStep = new ArrayList<>();
        int p = chain.phasesPerSample();
        for (int s = 0; s < phases.size() / p; s++) {
            double e = 0;
            for (int k = s * p; k < (s + 1) * p; k++) {
                e += phases.get(k).total();
            }
            perStep.add(e);
        }
        return new Report(phases, perStep, transientSeconds, dcSeconds, run);
    }

    /** The DC operating point of each phase's values as the transient run applied them (the circuit is loaded). */
    private static List<Solution> dcOfApplied(Simulator simulator, TransientRun run) {
        List<Solution> out = new ArrayList<>();
        for (Map<String, Double> values : run.applied()) {
            values.forEach(simulator::setSource);
            out.add(simulator.operatingPoint());
        }
        return out;
    }

    /** Energies summed by group: what each source is for (its role in the crossbar circuit). */
    static Map<String, Double> groups(Map<String, Double> energy, Map<String, ElementRole> roles) {
        Map<String, Double> g = new LinkedHashMap<>();
        GROUPS.forEach(name -> g.put(name, 0.0));
        Map<ElementRole, String> group = new HashMap<>();
        group.put(ElementRole.SUPPLY_SOURCE, "supply");
        group.put(ElementRole.INPUT_SOURCE, "inputs");
        group.put(ElementRole.BIAS_SOURCE, "bias");
        group.put(ElementRole.DIODE_BIAS_SOURCE, "diode bias");
        group.put(ElementRole.NUDGE_SOURCE, "nudging");
        energy.forEach((name, e) -> {
            ElementRole role = roles.get(name);
            g.merge(role == null ? "amplifiers" : group.getOrDefault(role, "amplifiers"), e, Double::sum);
        });
        return g;
    }
}
