package eqspice.cli;

import eqspice.circuit.SolverOptions;
import eqspice.ngspice.LibraryLocator;
import eqspice.ngspice.NgspiceProgram;
import eqspice.ngspice.NgspiceSession;
import eqspice.simulate.SimulationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice doctor}: what eqspice found on this machine, and whether it works. */
@Command(name = "doctor", description = "Show the ngspice library found, its version, whether KLU works, and Java.")
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("eqspice        " + Main.version());
        out.println("java           " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")");
        String env = System.getenv(LibraryLocator.ENV);
        out.println(LibraryLocator.ENV + "  " + (env == null ? "(not set)" : env));
        Path lib;
        try {
            lib = LibraryLocator.locate();
        } catch (SimulationException e) {
            out.println("libngspice     NOT FOUND: " + e.getMessage());
            return 1;
        }
        out.println("libngspice     " + lib);
        try (NgspiceSession ng = new NgspiceSession(lib)) {
            out.println("ngspice        " + ng.version());
            // a build without KLU solves "with KLU" by sparse, silently: say that it is missing, not that it works
            out.println("klu            " + ng.kluUnavailable().orElseGet(() -> probe(ng, SolverOptions.DEFAULT)));
            out.println("sparse         " + probe(ng, SolverOptions.DEFAULT.withKlu(false)));
        }
        out.println("ngspice (cli)  " + NgspiceProgram.describe());
        return 0;
    }

    private static String probe(NgspiceSession ng, SolverOptions options) {
        try {
            return "works (ngspice used: " + ng.linearSolver(options) + ")";
        } catch (SimulationException e) {
            return "FAILED: " + e.getMessage();
        }
    }
}
