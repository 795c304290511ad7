package eqspice.experiment;

import eqspice.experiment.ExperimentDoc.SimulatorDoc;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.BackendChoice.Backend;
import java.util.Locale;

/**
 * Turns the {@code simulator:} section into a {@link BackendChoice}. Errors name the YAML
 * field ({@link ExperimentLoader} adds the file and line). The co-simulation fields are
 * refused for the other backends, where they would silently do nothing.
 */
final class SimulatorResolver {
    private SimulatorResolver() {
    }

    /** The choice, checked against the hardware: the embedded solver solves only the ideal circuit. */
    static BackendChoice resolve(SimulatorDoc s, Hardware hardware) {
        BackendChoice choice = resolve(s);
        if (choice.backend() != Backend.NGSPICE && hardware.trainLevel() != eqspice.network.Fidelity.Level.IDEAL) {
            throw new IllegalArgumentException("field 'simulator.backend': " + choice.backend().id() + " solves only "
                    + "the ideal circuit (resistors, sources, diodes, VCVS, CCCS), but fidelity.train_level is "
                    + hardware.trainLevel().name().toLowerCase(Locale.ROOT) + "; use backend: ngspice");
        }
        return choice;
    }

    static BackendChoice resolve(SimulatorDoc s) {
        if (s == null) {
            return BackendChoice.NGSPICE;
        }
        if (s.backend() == null) {
            throw new IllegalArgumentException("field 'simulator.backend' is missing; allowed: ngspice, embedded, cosim");
        }
        Backend backend = switch (s.backend().toLowerCase(Locale.ROOT)) {
            case "ngspice" -> Backend.NGSPICE;
            case "embedded" -> Backend.EMBEDDED;
            case "cosim" -> Backend.COSIM;
            default -> throw new IllegalArgumentException("field 'simulator.backend': '"
                    + FieldChecks.escape(s.backend()) + "' is not allowed; allowed: ngspice, embedded, cosim");
        };
        if (backend != Backend.COSIM) {
            for (String[] f : new String[][] {{"check_every", String.valueOf(s.checkEvery())},
                {"tolerance", String.valueOf(s.tolerance())}, {"stop_on_mismatch", String.valueOf(s.stopOnMismatch())}}) {
                if (!"null".equals(f[1])) {
                    throw new IllegalArgumentException("field 'simulator." + f[0] + "' applies only to backend: cosim "
                            + "(the backend is " + backend.id() + ")");
                }
            }
        }
        if (s.checkEvery() != null && s.checkEvery() < 1) {
            throw new IllegalArgumentException("field 'simulator.check_every' must be an integer >= 1 (operating "
                    + "points between ngspice checks), got " + s.checkEvery());
        }
        if (s.tolerance() != null && !(s.tolerance() > 0 && Double.isFinite(s.tolerance()))) {
            throw new IllegalArgumentException("field 'simulator.tolerance' must be a finite number > 0 (V), got "
                    + s.tolerance());
        }
        return new BackendChoice(backend, s.checkEvery() == null ? BackendChoice.DEFAULT_CHECK_EVERY : s.checkEvery(),
                s.tolerance() == null ? BackendChoice.DEFAULT_TOLERANCE : s.tolerance(),
                Boolean.TRUE.equals(s.stopOnMismatch()));
    }
}
