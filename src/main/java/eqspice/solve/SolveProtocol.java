package eqspice.solve;

import eqspice.text.OneLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines between {@link IsolatedSolve} and its {@link SolveChild}, plain text so that the
 * child starts fast (a JSON library costs a short-lived JVM a good part of its run). The parent
 * writes the netlist's statements, one per line (printable ASCII, the reader has checked them),
 * and closes the child's stdin. The child answers with lines starting {@code @@eqspice}:
 * {@code stage <what>} as it goes, then either {@code simulator <label>}, {@code voltage <node>
 * <value>} and {@code current <source> <value>} lines and {@code solved}, or {@code log <line>}
 * lines and {@code failed <KIND> <headline>}. Free text is escaped ({@link OneLine}) so that each
 * item stays on its line; other output lines are ignored, so nothing ngspice prints can pass for an
 * answer.
 */
final class SolveProtocol {
    static final String PREFIX = "@@eqspice ";

    /** Failure kinds, each rebuilt as its own exception in the parent. */
    enum Kind { REFUSED, NETLIST, CONVERGENCE, UNAVAILABLE, OTHER }

    /** Why the child could not solve: the kind of failure, its first line and the simulator's lines. */
    record Failure(Kind kind, String headline, List<String> log) {
    }

    /** What the parent read from the child: the stage it reached, and its result or failure (one of them, or neither). */
    record Answer(String stage, SolveResult result, Failure failure) {
    }

    private SolveProtocol() {
    }

    static String stage(String what) {
        return PREFIX + "stage " + what;
    }

    static List<String> solved(SolveResult r) {
        List<String> out = new ArrayList<>();
        out.add(PREFIX + "simulator " + OneLine.escape(r.simulator()));
        r.voltages().forEach((k, v) -> out.add(PREFIX + "voltage " + OneLine.escape(k) + " " + v));
        r.currents().forEach((k, v) -> out.add(PREFIX + "current " + OneLine.escape(k) + " " + v));
        out.add(PREFIX + "solved");
        return out;
    }

    static List<String> failed(Failure f) {
        List<String> out = new ArrayList<>();
        f.log().forEach(l -> out.add(PREFIX + "log " + OneLine.escape(l)));
        out.add(PREFIX + "failed " + f.kind() + " " + OneLine.escape(f.headline()));
        return out;
    }

    /** Reads the child's protocol lines (other lines already left out). */
    static Answer read(List<String> lines) {
        String stage = "starting";
        String simulator = null;
        Map<String, Double> voltages = new TreeMap<>();
        Map<String, Double> currents = new TreeMap<>();
        List<String> log = new ArrayList<>();
        for (String line : lines) {
            String body = line.substring(PREFIX.length());
            int space = body.indexOf(' ');
            String key = space < 0 ? body : body.substring(0, space);
            String rest = space < 0 ? "" : body.substring(space + 1);
            switch (key) {
                case "stage" -> stage = rest;
                case "simulator" -> simulator = OneLine.unescape(rest);
                case "voltage", "current" -> {
                    int cut = rest.lastIndexOf(' ');
                    (key.equals("voltage") ? voltages : currents).put(OneLine.unescape(rest.substring(0, cut)),
                            Double.parseDouble(rest.substring(cut + 1)));
                }
                case "log" -> log.add(OneLine.unescape(rest));
                case "solved" -> {
                    return new Answer(stage, new SolveResult(simulator, voltages, currents), null);
                }
                case "failed" -> {
                    int cut = rest.indexOf(' ');
                    return new Answer(stage, null, new Failure(Kind.valueOf(rest.substring(0, cut)),
                            OneLine.unescape(rest.substring(cut + 1)), log));
                }
                default -> throw new IllegalStateException("the solving process sent an unknown line: " + line);
            }
        }
        return new Answer(stage, null, null);
    }
}
