package eqspice.simulate;

/**
 * What produced a result: backend name, its version, the linear solver in use and where
 * the backend came from (library path). Recorded with every result.
 */
public record SimulatorInfo(String backend, String version, String solver, String location) {
    /** One line for logs and provenance, e.g. {@code ngspice 46 (klu)}; the location is kept apart. */
    public String label() {
        return backend + " " + version + " (" + solver + ")";
    }
}
