package eqspice.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.netlist.Includes;
import eqspice.netlist.NetlistReader;
import eqspice.netlist.ReadNetlist;
import eqspice.ngspice.NgspiceProgram;
import eqspice.simulate.NetlistException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Solving a netlist from outside in a child process, with the real ngspice. */
class IsolatedSolveTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void theDesignerNetlistWithItsIncludesSolvesAsTheNgspiceProgramSolvesIt() throws Exception {
        Path xor = Path.of(System.getProperty("user.dir"), "netlists", "designer", "xor-transistor", "xor.cir");
        ReadNetlist read = NetlistReader.read(xor, Includes.INSIDE_FOLDER);
        assertEquals(3, read.files().size(), "the netlist and its two libraries: " + read.files());
        SolveResult r = IsolatedSolve.solve(read, MINUTE);
        assertTrue(r.simulator().startsWith("ngspice"), r.simulator());
        // The reference: the ngspice program on the file as it is (it reads the includes itself).
        Map<String, Double> reference = printed(NgspiceProgram.batch(xor, 120).output());
        assertTrue(reference.size() > 50, reference.toString());
        int compared = 0;
        for (Map.Entry<String, Double> e : reference.entrySet()) {
            Double mine = r.voltages().containsKey(e.getKey()) ? r.voltages().get(e.getKey())
                    : r.currents().get(e.getKey().replace("#branch", ""));
            if (mine != null) {
                assertEquals(e.getValue(), mine, 1e-5 * Math.max(1e-3, Math.abs(e.getValue())), e.getKey()); // 6-7 printed digits
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared + " values");
    }

    @Test
    void aNativeCrashIsAMessageNamingTheNetlistAndLeavesNoFile(@TempDir Path dir) throws Exception {
        Path net = dir.resolve("recursive.cir");
        Files.writeString(net, "t\n.func f(x) {f(x)+1}\nv1 a 0 1\nr1 a 0 {f(1)}\n");
        SolveProcessException e = assertThrows(SolveProcessException.class,
                () -> IsolatedSolve.solve(NetlistReader.read(net, Includes.INSIDE_FOLDER), MINUTE));
        // ngspice 46 here: SIGSEGV (the JVM's handler may turn a native crash into SIGABRT elsewhere)
        assertTrue(e.getMessage().startsWith(net + ": the process solving it was killed by signal "), e.getMessage());
        assertTrue(e.getMessage().contains(" while loading the netlist") && e.getMessage().contains("ngspice crashed "
                + "on this netlist"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(net), files.toList(), "no crash report or core file beside the netlist");
        }
        assertEquals(0, ProcessHandle.current().children().count(), "the child is gone");
    }

    @Test
    void aSolveThatRunsTooLongIsStopped(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("t\n.func f0(x) {x+1}\n");
        for (int i = 1; i <= 20; i++) { // each level doubles the expression: ngspice takes minutes to expand it
            sb.append(".func f").append(i).append("(x) {f").append(i - 1).append("(x)+f").append(i - 1).append("(x)}\n");
        }
        Path net = dir.resolve("slow.cir");
        Files.writeString(net, sb + "v1 a 0 1\nr1 a 0 {f20(1)}\n");
        long t0 = System.nanoTime();
        SolveProcessException e = assertThrows(SolveProcessException.class,
                () -> IsolatedSolve.solve(NetlistReader.read(net, Includes.INSIDE_FOLDER), Duration.ofSeconds(3)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(e.getMessage().startsWith(net + ": not solved within 3 s (while "), e.getMessage());
        assertTrue(seconds < 20, "stopped after " + seconds + " s");
        assertEquals(0, ProcessHandle.current().children().count(), "the child was killed");
    }

    @Test
    void ngspicesLineNumbersAreTranslatedToTheUsersFile(@TempDir Path dir) throws Exception {
        Path net = dir.resolve("x.cir");
        Files.writeString(net, "t\n* a comment\n* another\nv1 a 0 1\n\n+ \nd1 a 0 nosuchmodel ; no such model\n");
        NetlistException e = assertThrows(NetlistException.class,
                () -> IsolatedSolve.solve(NetlistReader.read(net, Includes.INSIDE_FOLDER), MINUTE));
        assertTrue(e.getMessage().startsWith(net + ": ngspice refused the netlist"), e.getMessage());
        assertTrue(e.getMessage().contains("Error on line 3 or its substitute"), e.getMessage());
        assertTrue(e.log().contains("(ngspice's line 3 is " + net + " line 7: d1 a 0 nosuchmodel)"), e.log().toString());
    }

    @Test
    void theTimeLimitIsBounded() {
        ReadNetlist n = NetlistReader.recheck("n", List.of("v1 a 0 1"));
        assertThrows(IllegalArgumentException.class, () -> IsolatedSolve.solve(n, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> IsolatedSolve.solve(n, Duration.ofDays(2)));
    }

    /** "name  value" lines of ngspice's printed operating point. */
    private static Map<String, Double> printed(List<String> output) {
        Map<String, Double> out = new TreeMap<>();
        Pattern row = Pattern.compile("^\\s+(\\S+)\\s+(-?\\d\\.\\d+e[-+]\\d+)\\s*$");
        for (String l : output) {
            Matcher m = row.matcher(l);
            if (m.matches()) {
                out.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return out;
    }
}
