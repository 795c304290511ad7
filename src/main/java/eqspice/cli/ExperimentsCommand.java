package eqspice.cli;

import eqspice.experiment.ShippedExperiments;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice experiments}: the shipped experiment files and what each is for. */
@Command(name = "experiments", description = {"List the experiment files shipped in experiments/ with their "
        + "descriptions, the command that runs each (run or sweep), the backend and the data set it needs.",
    "Fields are documented in experiments/README.md."})
final class ExperimentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ShippedExperiments.Entry e : ShippedExperiments.list()) {
            out.printf("%-38s %s%n", e.file(), e.description());
            out.printf("%-38s ./eqspice %s experiments/%s   (backend %s%s)%n", "", e.sweep() ? "sweep" : "run", e.file(),
                    e.backend(), e.dataset().isEmpty() ? "" : "; needs: ./eqspice datasets fetch " + e.dataset());
        }
        return 0;
    }
}
