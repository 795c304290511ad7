package eqspice.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts eqspice in another JVM (sweep workers, Slurm tasks, the benches'
 * fixed-heap children): this JVM's java, its class path, eqspice's main class. The only place
 * that builds it.
 */
public final class ChildJvm {
    /**
     * The class whose main method is eqspice's command line. Named, not referenced: the command
     * line package depends on this one, and a reference back would make a package cycle.
     */
    public static final String MAIN_CLASS = "eqspice.cli.Main";

    private ChildJvm() {
    }

    /**
     * {@code java <javaOptions> -cp <this class path> eqspice.cli.Main <arguments>}.
     *
     * @param javaOptions JVM options (heap, collector, JIT); no shell is involved, each is one argument
     * @param arguments   the eqspice command and its arguments
     */
    public static List<String> command(List<String> javaOptions, List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        cmd.addAll(arguments);
        return List.copyOf(cmd);
    }
}
