package eqspice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code eqspice} command line: one subcommand per job. */
@Command(name = "eqspice", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Equilibrium propagation on analog circuits, solved in ngspice.",
        subcommands = {CommandLine.HelpCommand.class, DoctorCommand.class, SolveCommand.class, RunCommand.class, BenchCommand.class, SweepCommand.class, SweepWorkerCommand.class, PlotCommand.class, ExportCommand.class, ValidateCommand.class, MergeCommand.class, SlurmCommand.class, DiagnoseCommand.class, GradcheckCommand.class, DatasetsCommand.class, ExperimentsCommand.class, CompletionCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        FatalErrors.install(args);
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) { // picocli hands Errors on; one line instead of a stack trace
            code = FatalErrors.outOfMemory(args, System.err);
        }
        System.exit(code);
    }

    /** The configured command line (tests call this to run commands in-process). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        helpEverywhere(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Expected failures (bad input, missing library) get one clear message, not a stack trace.
            cmd.getErr().println("eqspice: " + ex.getMessage());
            if (System.getenv("EQSPICE_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cl;
    }

    /**
     * Gives every command and subcommand -h/--help (exit 0), so that a command added later cannot
     * forget it; {@code --version} stays on the top command.
     */
    private static void helpEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions() && sub.getCommandSpec().optionsMap().get("--help") == null) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            helpEverywhere(sub);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The eqspice version, read from the filtered build resource. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/eqspice/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** eqspice, the ngspice it would use (version and the linear solver ngspice reports) and Java. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"eqspice " + version() + " (commit " + eqspice.results.GitState.current().commit() + ")",
                "ngspice " + ngspice(), "java " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")"};
        }

        private static String ngspice() {
            try (eqspice.run.RunService service = eqspice.run.RunService.open(version())) {
                eqspice.simulate.SimulatorInfo info = service.simulatorInfo(eqspice.simulate.BackendChoice.NGSPICE,
                        eqspice.circuit.SolverOptions.DEFAULT, true);
                return info.version() + " (" + info.solver() + "), " + info.location();
            } catch (RuntimeException e) {
                return "not usable: " + e.getMessage() + " (eqspice doctor says more)";
            }
        }
    }
}
