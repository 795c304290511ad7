package eqspice.solve;

import eqspice.netlist.NetlistReader;
import eqspice.netlist.NetlistRefusedException;
import eqspice.netlist.ReadNetlist;
import eqspice.ngspice.NgspiceSession;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.NetlistException;
import eqspice.simulate.SimulationException;
import eqspice.simulate.SimulatorUnavailableException;
import eqspice.simulate.Solution;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link IsolatedSolve}: reads the statements from stdin, loads them
 * into its own ngspice instance and answers on stdout (see {@link SolveProtocol}). It trusts
 * nothing it is sent: the statements are checked again by {@link NetlistReader#recheck}. It reads
 * no file and runs in an empty temporary folder, so whatever ngspice might leave (a crash report
 * included) lands there and is removed with it.
 */
public final class SolveChild {
    private SolveChild() {
    }

    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err); // only protocol lines on stdout
        exitWithParent();
        List<String> answer;
        try {
            answer = answer(protocol);
        } catch (RuntimeException e) { // an answer is owed whatever went wrong
            answer = failure(SolveProtocol.Kind.OTHER, e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
        }
        answer.forEach(protocol::println);
        protocol.flush();
        // ngspice's own threads must not keep the process alive, and its exit handlers have nothing to do.
        Runtime.getRuntime().halt(0);
    }

    private static List<String> answer(PrintStream protocol) {
        List<String> statements = new ArrayList<>();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                statements.add(line);
            }
        } catch (IOException e) {
            return failure(SolveProtocol.Kind.OTHER, "cannot read the statements: " + e.getMessage(), List.of());
        }
        ReadNetlist netlist;
        try {
            netlist = NetlistReader.recheck("the statements sent", statements);
        } catch (NetlistRefusedException e) {
            return failure(SolveProtocol.Kind.REFUSED, e.getMessage(), List.of());
        }
        try (NgspiceSession ng = new NgspiceSession()) {
            protocol.println(SolveProtocol.stage("loading"));
            ng.loadLines(netlist);
            protocol.println(SolveProtocol.stage("solving"));
            Solution s = ng.operatingPoint();
            return SolveProtocol.solved(new SolveResult(ng.info().label(), s.voltages(), s.currents()));
        } catch (SimulationException e) {
            SolveProtocol.Kind kind = e instanceof NetlistException ? SolveProtocol.Kind.NETLIST
                    : e instanceof ConvergenceException ? SolveProtocol.Kind.CONVERGENCE
                    : e instanceof SimulatorUnavailableException ? SolveProtocol.Kind.UNAVAILABLE : SolveProtocol.Kind.OTHER;
            return failure(kind, e.getMessage().lines().findFirst().orElse(""), e.log());
        }
    }

    private static List<String> failure(SolveProtocol.Kind kind, String headline, List<String> log) {
        return SolveProtocol.failed(new SolveProtocol.Failure(kind, headline, log));
    }

    /** A child whose parent was killed stops at once instead of solving for nobody. */
    private static void exitWithParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        Thread watch = new Thread(() -> {
            while (parent != null && parent.isAlive()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
