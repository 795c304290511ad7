package eqspice.results;

import eqspice.circuit.SolverOptions;
import eqspice.simulate.SimulatorInfo;
import eqspice.text.OneLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a result came from: enough to reproduce it, or to tell two results apart when they
 * disagree. Written next to every result (as JSON) and into every CSV's header comments.
 *
 * @param eqspiceVersion   eqspice's version
 * @param gitCommit        commit of the checkout that ran, {@code unknown} outside git
 * @param gitDirty         whether that checkout had uncommitted changes
 * @param simulator        backend, version and linear solver, e.g. {@code ngspice 46 (klu)}
 * @param simulatorLibrary the loaded library's absolute path
 * @param solverOptions    the ngspice options used, as written into the netlist
 * @param seed             the seed of every random choice
 * @param experimentFile   the experiment file (or embedded resource) that was run
 * @param experimentSha256 SHA-256 of that file's bytes
 * @param java             Java runtime version
 * @param startedAt        ISO-8601 UTC start time
 */
public record Provenance(String eqspiceVersion, String gitCommit, boolean gitDirty, String simulator,
                         String simulatorLibrary, String solverOptions, long seed, String experimentFile,
                         String experimentSha256, String java, String startedAt) {

    /** Collects the provenance of a run starting now. */
    public static Provenance of(String eqspiceVersion, SimulatorInfo sim, SolverOptions options, long seed,
                                String experimentFile, String experimentSha256) {
        GitState git = GitState.current();
        return new Provenance(eqspiceVersion, git.commit(), git.dirty(), sim.label(), sim.location(),
                options.label(), seed, experimentFile, experimentSha256, System.getProperty("java.version"),
                Instant.now().toString());
    }

    /**
     * The same facts as {@code key: value} lines, each kept to one line (escaped), for CSV header
     * comments and netlist headers.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("eqspice " + eqspiceVersion + ", commit " + gitCommit + (gitDirty ? " (with uncommitted changes)" : ""));
        out.add("simulator: " + simulator + ", library " + simulatorLibrary);
        out.add("solver options: " + solverOptions);
        out.add(String.format(Locale.ROOT, "seed: %d", seed));
        out.add("experiment: " + experimentFile + " (sha256 " + experimentSha256 + ")");
        out.add("java " + java + ", started " + startedAt);
        // Paths (the experiment's, the library's from EQSPICE_NGSPICE_LIB) are the user's text: a line
        // break or Unicode separator in one must not end the comment line it is written into.
        out.replaceAll(OneLine::escape);
        return out;
    }
}
