package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The conventions every command keeps, checked on picocli's model of all of them (hidden ones too). */
class CliConventionsTest {
    private static List<CommandLine> everyCommand(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> everyCommand(sub, out));
        return out;
    }

    private static List<String> path(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            names.add(0, s.name());
        }
        return names;
    }

    @Test
    void everyCommandAnswersHelpWithExitZeroAndDescribesItsArguments() {
        List<CommandLine> all = everyCommand(Main.commandLine(), new ArrayList<>());
        assertTrue(all.size() > 20, "the model holds the subcommands of bench and datasets too: " + all.size());
        for (CommandLine c : all) {
            if (c.getCommandName().equals("help")) {
                continue;
            }
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path(c.getCommandSpec()));
                args.add(flag);
                CommandLine fresh = Main.commandLine(); // a new model per call: picocli keeps parse state
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                fresh.setOut(new PrintWriter(out));
                fresh.setErr(new PrintWriter(err));
                int exit = fresh.execute(args.toArray(String[]::new));
                assertEquals(0, exit, "eqspice " + String.join(" ", args) + ": " + err);
                assertTrue(out.toString().startsWith("Usage: eqspice"), String.join(" ", args) + ": " + out);
                assertFalse(err.toString().contains("WARN"), String.join(" ", args) + ": " + err);
            }
            for (PositionalParamSpec p : c.getCommandSpec().positionalParameters()) {
                assertTrue(p.description().length > 0 && !p.description()[0].isBlank(),
                        "eqspice " + String.join(" ", path(c.getCommandSpec())) + ": argument " + p.paramLabel()
                                + " has no description");
            }
        }
    }

    @Test
    void versionNamesEqspiceNgspiceAndJava(@TempDir Path dir) throws Exception {
        // In a child JVM, as a user runs it: this JVM may already drive the library (SharedSession), and a
        // process opens each library once, so in-process the answer depended on which tests ran before.
        CliProcess.Result r = CliProcess.run(dir, "--version");
        assertEquals(0, r.exitCode(), r.err());
        String text = r.out();
        assertTrue(text.startsWith("eqspice "), text);
        assertTrue(text.matches("(?s).*\\nngspice \\d+ \\((klu|sparse)[^)]*\\), /.*"), text);
        assertTrue(text.contains("\njava 17"), text);
    }

    @Test
    void shippedExperimentsAreListedWithTheCommandThatRunsThem() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("experiments"));
        assertTrue(out.toString().contains("./eqspice run experiments/kiraz-case1.yaml"), out.toString());
        assertTrue(out.toString().contains("./eqspice sweep experiments/kiraz-alpha-beta-small.yaml"), out.toString());
        assertTrue(out.toString().contains("needs: ./eqspice datasets fetch iris"), out.toString());
    }

    @Test
    void completionScriptCoversTheCommands() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("completion"));
        assertTrue(out.toString().contains("complete -F"), out.toString().lines().limit(5).toList().toString());
        assertTrue(out.toString().contains("gradcheck"));
    }
}
