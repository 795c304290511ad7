package eqspice.cli;

import eqspice.netlist.Includes;
import eqspice.netlist.NetlistReader;
import eqspice.netlist.ReadNetlist;
import eqspice.solve.IsolatedSolve;
import eqspice.solve.SolveResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice solve file.cir}: the DC operating point of a netlist from outside, solved in a child process. */
@Command(name = "solve",
        description = {"Solve the DC operating point of a netlist in ngspice and print every node voltage and source "
                + "current.",
                "The netlist is untrusted input: its title and comments are dropped, only element lines and the "
                + "dot-cards of a DC circuit pass (.model .subckt .ends .param .func .options .global .temp .nodeset "
                + ".ic), scripts are refused, and .include/.lib are read by eqspice, inside the netlist's folder. "
                + "ngspice runs in a separate process, so a crash or a hang ends in a message."})
final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NETLIST", description = "the netlist file (.cir)")
    Path netlist;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "stop the solve after this many seconds (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--allow-outside-includes",
            description = "let .include and .lib read files outside the netlist's folder (absolute paths, '..')")
    boolean outsideIncludes;

    @Override
    public Integer call() {
        if (timeoutSeconds < 1 || timeoutSeconds > IsolatedSolve.MAX_TIMEOUT.toSeconds()) {
            throw new IllegalArgumentException("--timeout must be between 1 and " + IsolatedSolve.MAX_TIMEOUT.toSeconds()
                    + " seconds, got " + timeoutSeconds);
        }
        ReadNetlist read = NetlistReader.read(netlist, outsideIncludes ? Includes.ANYWHERE : Includes.INSIDE_FOLDER);
        SolveResult s = IsolatedSolve.solve(read, Duration.ofSeconds(timeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        out.println("* " + netlist + " solved by " + s.simulator()
                + (read.files().size() > 1 ? " (read " + String.join(", ", read.files()) + ")" : ""));
        out.println("node voltages (V):");
        s.voltages().forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s % .15e%n", k, v));
        out.println("source currents (A, positive from + through the source to -):");
        s.currents().forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s % .15e%n", k, v));
        return 0;
    }
}
