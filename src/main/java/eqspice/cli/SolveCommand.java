package eqspice.cli;

import eqspice.circuit.NetlistScreen;
import eqspice.ngspice.NgspiceSession;
import eqspice.simulate.NetlistException;
import eqspice.simulate.Solution;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice solve file.cir}: the DC operating point of a netlist, solved in-process. */
@Command(name = "solve", description = {"Solve the DC operating point of a netlist in ngspice and print every node "
        + "voltage and source current.", "Scripts (.control, shell), .include and .lib are refused."})
final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NETLIST", description = "the netlist file (.cir)")
    Path netlist;

    @Override
    public Integer call() {
        List<String> lines = read(netlist);
        NetlistScreen.check(lines, netlist.toString());
        PrintWriter out = spec.commandLine().getOut();
        try (NgspiceSession ng = new NgspiceSession()) {
            try {
                ng.loadLines(lines);
            } catch (NetlistException e) {
                // The session's message cannot know the file; the user needs it to find the bad line. Its first line is
                // the reason ("ngspice refused the netlist", or a line ngspice 39 accepts silently); the rest is the log.
                throw new NetlistException(netlist + ": " + e.getMessage().lines().findFirst().orElse(""), e.log());
            }
            Solution s = ng.operatingPoint();
            out.println("* " + netlist + " solved by " + ng.info().label());
            out.println("node voltages (V):");
            new TreeMap<>(s.voltages()).forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s % .15e%n", k, v));
            out.println("source currents (A, positive from + through the source to -):");
            new TreeMap<>(s.currents()).forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s % .15e%n", k, v));
        }
        return 0;
    }

    /** Reads the file; a missing path is named, and a missing {@code .end} is added. */
    static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; a netlist is a text file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": the file is empty");
        }
        boolean hasEnd = lines.stream().anyMatch(l -> l.strip().equalsIgnoreCase(".end"));
        if (!hasEnd) {
            lines.add(".end");
        }
        return lines;
    }
}
