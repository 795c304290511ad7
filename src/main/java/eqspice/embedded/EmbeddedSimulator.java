package eqspice.embedded;

import eqspice.circuit.Circuit;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNumber;
import eqspice.simulate.NameLookup;
import eqspice.simulate.Recovery;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.Solution;
import eqspice.simulate.ValueMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A DC operating-point solver in pure Java for the circuits eqspice generates: resistors,
 * independent sources, diodes (ngspice's DC model with IS, N, RS and gmin), VCVS and CCCS.
 * It returns the same {@link Solution} as the ngspice backend: every node voltage by lower-case
 * node name, and the branch current of every voltage source and VCVS by lower-case element
 * name with ngspice's sign convention.
 *
 * <p>Only the free nodes are unknowns (see {@link Topology}); the Jacobian's pattern is fixed
 * at load; a solve starts from the previous solution, and when that does not converge, again
 * from zero with the junctions at 0 V ("cold-start", reported by {@link #lastRecovery()}), then
 * by source stepping ({@link SourceStepping}). A solve that converges in none of these raises
 * {@link ConvergenceException} with the iteration histories: never an unconverged answer.
 *
 * <p>Not thread-safe: one per thread.
 */
public final class EmbeddedSimulator implements Simulator {
    private static final int HISTORY_LINES = 12;

    private Circuit circuit;
    private MnaSystem system;
    private SolverOptions options;
    private double[] x;
    private double[] savedVd;
    private boolean warm;
    private Recovery lastRecovery = Recovery.DIRECT;
    private ValueMap.Index nodeNames;
    private ValueMap.Index branchNames;
    private int[] knownOf;
    /** {@link #setResistances}' last names list and their resistor indices in {@link #system} (-1: none). */
    private final NameLookup resistorIndex = new NameLookup();
    /**
     * {@link #setSources}' last names list and each source's index: a voltage source's as is, a
     * current source's as {@code -1 - index}, {@link Integer#MIN_VALUE} for a name not in the circuit.
     */
    private final NameLookup sourceIndex = new NameLookup();

    @Override
    public void load(Circuit c) {
        Topology t = new Topology(c);
        system = new MnaSystem(t, c.options().gmin());
        circuit = c;
        options = c.options();
        x = new double[t.size];
        savedVd = new double[t.diodes.size()];
        warm = false;
        nodeNames = ValueMap.index(t.nodes);
        List<String> branches = new ArrayList<>();
        t.voltageSources.forEach(v -> branches.add(v.name()));
        t.vcvs.forEach(e -> branches.add(e.name()));
        branchNames = ValueMap.index(branches);
        resistorIndex.forget();
        sourceIndex.forget();
        knownOf = new int[t.voltageSources.size()];
        Arrays.fill(knownOf, -1);
        for (int k = 0; k < t.knownSource.size(); k++) {
            knownOf[t.knownSource.get(k)] = k;
        }
    }

    @Override
    public void setSource(String name, double value) {
        MnaSystem s = loaded();
        if (!Double.isFinite(value)) { // the message only when it fails: phases set thousands of values
            SpiceNumber.finite("value of " + name, value);
        }
        Integer v = s.topology.voltageSourceIndex.get(name);
        if (v != null) {
            s.setVolts(v, value);
            return;
        }
        Integer i = s.topology.currentSourceIndex.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no independent source named '" + name + "' in circuit '"
                    + circuit.title() + "'");
        }
        s.sources.amps[i] = value;
    }

    @Override
    public void setResistance(String name, double ohms) {
        MnaSystem s = loaded();
        if (!(ohms > 0) || !Double.isFinite(ohms)) { // the message only when it fails: an update sets ~10^5 values
            SpiceNumber.positive("resistance of " + name, ohms);
        }
        Integer r = s.topology.resistorIndex.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no resistor named '" + name + "' in circuit '" + circuit.title() + "'");
        }
        s.setConductance(r, 1.0 / ohms);
    }

    /** Looks {@code names} up once per list and loaded circuit; afterwards a value costs a store. */
    @Override
    public void setSources(List<String> names, int[] changed, int count, double[] values) {
        MnaSystem s = loaded();
        int[] index = sourceIndex.positions(names, name -> {
            Integer v = s.topology.voltageSourceIndex.get(name);
            Integer i = s.topology.currentSourceIndex.get(name);
            return v != null ? v : i != null ? -1 - i : Integer.MIN_VALUE;
        });
        for (int n = 0; n < count; n++) {
            int k = changed[n];
            double value = values[k];
            if (!Double.isFinite(value)) {
                SpiceNumber.finite("value of " + names.get(k), value);
            }
            int at = index[k];
            if (at == Integer.MIN_VALUE) {
                throw new IllegalArgumentException("no independent source named '" + names.get(k) + "' in circuit '"
                        + circuit.title() + "'");
            }
            if (at >= 0) {
                s.setVolts(at, value);
            } else {
                s.sources.amps[-1 - at] = value;
            }
        }
    }

    /** Looks {@code names} up once per list and loaded circuit; afterwards a value costs a store. */
    @Override
    public void setResistances(List<String> names, int[] changed, int count, double[] ohms) {
        MnaSystem s = loaded();
        int[] index = resistorIndex.positions(names, name -> {
            Integer r = s.topology.resistorIndex.get(name);
            return r == null ? -1 : r;
        });
        for (int i = 0; i < count; i++) {
            int k = changed[i];
            double value = ohms[k];
            if (!(value > 0) || !Double.isFinite(value)) {
                SpiceNumber.positive("resistance of " + names.get(k), value);
            }
            if (index[k] < 0) {
                throw new IllegalArgumentException("no resistor named '" + names.get(k) + "' in circuit '"
                        + circuit.title() + "'");
            }
            s.setConductance(index[k], 1.0 / value);
        }
    }

    @Override
    public Solution operatingPoint() {
        MnaSystem s = loaded();
        List<String> log = new ArrayList<>();
        if (warm) {
            double[] start = x.clone();
            System.arraycopy(savedVd, 0, s.diodes.vd0, 0, savedVd.length);
            NewtonSolver.Attempt a = NewtonSolver.iterate(s, x, options);
            if (a.converged()) {
                return finish(Recovery.DIRECT);
            }
            log.addAll(NewtonSolver.lines("from the previous solution", a, HISTORY_LINES));
            System.arraycopy(start, 0, x, 0, x.length); // keep the last good point for the next solve
        }
        double[] cold = new double[x.length];
        Arrays.fill(s.diodes.vd0, 0.0);
        NewtonSolver.Attempt a = NewtonSolver.iterate(s, cold, options);
        if (a.converged()) {
            x = cold;
            return finish(warm ? Recovery.COLD_START : Recovery.DIRECT);
        }
        log.addAll(NewtonSolver.lines(warm ? "from zero" : "from zero (first solve of this circuit)", a,
                HISTORY_LINES));
        double[] stepped = new double[x.length];
        Arrays.fill(s.diodes.vd0, 0.0);
        String stall = SourceStepping.run(s, stepped, options);
        if (stall.isEmpty()) {
            x = stepped;
            return finish(Recovery.SOURCE_STEPPING);
        }
        log.add("source stepping: " + stall);
        throw new ConvergenceException("operating point did not converge (embedded solver, " + options.label() + ")",
                log);
    }

    private Solution finish(Recovery recovery) {
        lastRecovery = recovery;
        warm = true;
        System.arraycopy(system.diodes.vd0, 0, savedVd, 0, savedVd.length);
        return solution();
    }

    /**
     * The solution of {@code x}. The branch currents of sources holding a known node take a pass
     * over every conductance at that node (nearly the whole crossbar), so they are computed only
     * when read; the values they need are kept (see {@link MnaSystem#knownNodeOutflowLater}).
     */
    private Solution solution() {
        Topology t = system.topology;
        double[] volts = new double[t.nodes.size()];
        for (int k = 0; k < volts.length; k++) {
            volts[k] = system.v(t.nodeRef[k], x);
        }
        java.util.function.Supplier<double[]> outflowLater = system.knownNodeOutflowLater(x);
        double[] xAt = x.clone();
        MnaSystem sys = system;
        int[] knownAt = knownOf;
        ValueMap currents = ValueMap.later(branchNames, () -> {
            double[] outflow = outflowLater.get();
            double[] amps = new double[t.voltageSources.size() + t.vcvs.size()];
            for (int k = 0; k < t.voltageSources.size(); k++) {
                int branch = sys.branchOfSource(k);
                if (branch >= 0) {
                    amps[k] = xAt[branch];
                } else {
                    // The source takes what the rest of the circuit does not: into plus when plus is the held node.
                    int kn = knownAt[k];
                    amps[k] = -t.knownSign.get(kn) * outflow[kn];
                }
            }
            for (int k = 0; k < t.vcvs.size(); k++) {
                amps[t.voltageSources.size() + k] = xAt[t.vcvsBranch.get(k)];
            }
            return amps;
        });
        return new Solution(ValueMap.of(nodeNames, volts), currents);
    }

    private MnaSystem loaded() {
        if (system == null) {
            throw new IllegalStateException("no circuit loaded into the embedded simulator");
        }
        return system;
    }

    /** Never: setting a resistance costs a map lookup and a store, far less than loading the circuit again. */
    @Override
    public int reloadAbove() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Recovery lastRecovery() {
        return lastRecovery;
    }

    /** Unknowns of the loaded circuit (free nodes, internal diode nodes, branch currents). */
    public int unknowns() {
        return loaded().size();
    }

    /** The Schur solver that solved the last operating point, or null when a sparse LU of the whole system did. */
    SchurSolver schurInUse() {
        return loaded().schurInUse();
    }

    @Override
    public SimulatorInfo info() {
        return new SimulatorInfo("embedded", version(), "junction Schur complement, ejml " + EJML_VERSION + " sparse LU", "in-process (pure Java)");
    }

    /** The version of the Java solver: eqspice's own (from the build's version resource). */
    private static String version() {
        try (java.io.InputStream in = EmbeddedSimulator.class.getResourceAsStream("/eqspice/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** EJML's version, pinned in pom.xml. */
    static final String EJML_VERSION = "0.46.1";

    @Override
    public void close() {
        system = null;
        circuit = null;
    }
}
