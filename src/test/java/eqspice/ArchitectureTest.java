package eqspice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of docs/architecture.md, checked on the sources (an import scan: no
 * dependency on a bytecode library is needed for three rules):
 * <ul>
 *   <li>no package cycle among eqspice's packages;</li>
 *   <li>JNA ({@code com.sun.jna}) only in {@code eqspice.ngspice};</li>
 *   <li>no command class in {@code eqspice.cli} opens a simulator itself: commands go through
 *       {@code eqspice.run.RunService}.</li>
 * </ul>
 * Each rule's detector is also run on a small made-up example that breaks it, so a rule that
 * could never fail would show here.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern PACKAGE_REF = Pattern.compile("\\beqspice\\.([a-z][a-z0-9]*)\\.(?:[A-Z]|\\*)");
    private static final Pattern OPENS_SIMULATOR = Pattern.compile(
            "\\bnew\\s+(?:NgspiceSession|RestartingSession|EmbeddedSimulator|CoSimulator)\\s*\\("
            + "|\\b(?:NgspiceSession|RestartingSession|EmbeddedSimulator|CoSimulator)\\s*::\\s*new\\b"
            + "|\\bBackends\\s*\\.\\s*(?:restarting|singleInstance|using)\\b");
    /**
     * Commands that are about ngspice itself rather than about an experiment: doctor checks
     * that the library loads and which linear solvers it has. (solve hands a user's netlist to
     * eqspice.solve, which solves it in a child process.)
     */
    private static final Set<String> OPENS_NGSPICE_ON_PURPOSE = Set.of("DoctorCommand.java");

    @Test
    void thePackagesHaveNoCycle() {
        Map<String, Set<String>> graph = packageGraph(sources());
        assertTrue(graph.size() >= 15, "the scan found the packages: " + graph.keySet());
        assertEquals(List.of(), cycles(graph), "package cycles (each list is one strongly connected set of packages); "
                + "the edges: " + graph);
    }

    @Test
    void jnaIsUsedOnlyInTheNgspicePackage() {
        List<String> outside = new ArrayList<>();
        sources().forEach((file, code) -> {
            if (!packageOf(file).equals("ngspice") && usesJna(code)) {
                outside.add(file.toString());
            }
        });
        assertEquals(List.of(), outside);
        assertTrue(sources().entrySet().stream().anyMatch(e -> packageOf(e.getKey()).equals("ngspice")
                && usesJna(e.getValue())), "the binding itself uses JNA: otherwise the scan is looking in the wrong place");
    }

    @Test
    void commandsDoNotOpenSimulatorsThemselves() {
        List<String> opening = new ArrayList<>();
        sources().forEach((file, code) -> {
            if (packageOf(file).equals("cli") && !OPENS_NGSPICE_ON_PURPOSE.contains(file.getFileName().toString())
                    && opensSimulator(code)) {
                opening.add(file.toString());
            }
        });
        assertEquals(List.of(), opening, "commands get their simulators from eqspice.run.RunService");
    }

    @Test
    void eachDetectorFindsWhatItLooksFor() {
        Map<String, Set<String>> loop = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of()));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(loop));
        assertEquals(List.of(), cycles(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of()))));
        assertEquals(Set.of("simulate", "train"), referencedPackages(strip("""
                import eqspice.simulate.Simulator; // eqspice.results.Provenance in a comment
                class X { eqspice.train.Trainer t; String s = "eqspice.sweep.Sweep"; }
                """)));
        assertTrue(usesJna(strip("import com.sun.jna.Native;")));
        assertTrue(!usesJna(strip("/* com.sun.jna.Native */ class X {}")));
        assertTrue(opensSimulator(strip("try (NgspiceSession ng = new NgspiceSession()) { }")));
        assertTrue(opensSimulator(strip("Supplier<Simulator> s = EmbeddedSimulator::new;")));
        assertTrue(opensSimulator(strip("Backends b = Backends.restarting();")));
        assertTrue(!opensSimulator(strip("try (RunService s = RunService.open(v)) { } // new NgspiceSession()")));
    }

    /** Every main source file's code, comments and string literals removed, by path relative to src/main/java/eqspice. */
    private static Map<Path, String> sources() {
        Path root = MAIN.resolve("eqspice");
        Map<Path, String> code = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                code.put(root.relativize(f), strip(Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return code;
    }

    /** The package (below eqspice) of a file given relative to src/main/java/eqspice. */
    private static String packageOf(Path file) {
        return file.getNameCount() == 1 ? "" : file.getName(0).toString();
    }

    /** Package -> the packages its classes refer to (imports and qualified names). */
    private static Map<String, Set<String>> packageGraph(Map<Path, String> sources) {
        Map<String, Set<String>> graph = new TreeMap<>();
        sources.forEach((file, code) -> {
            String from = packageOf(file);
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            referencedPackages(code).stream().filter(p -> !p.equals(from)).forEach(to::add);
        });
        return graph;
    }

    private static Set<String> referencedPackages(String code) {
        Set<String> refs = new TreeSet<>();
        Matcher m = PACKAGE_REF.matcher(code);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private static boolean usesJna(String code) {
        return code.contains("com.sun.jna");
    }

    private static boolean opensSimulator(String code) {
        return OPENS_SIMULATOR.matcher(code).find();
    }

    /** The strongly connected sets of more than one package (Tarjan), each sorted. */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> found = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                found.add(component);
            }
        }
    }

    /** Java source without comments, string and text-block literals and char literals (their words are not code). */
    static String strip(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
