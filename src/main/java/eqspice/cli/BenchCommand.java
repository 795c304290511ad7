package eqspice.cli;

import eqspice.bench.BindingBench;
import eqspice.circuit.SolverOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eqspice bench ...}: the benchmarks the issues' performance criteria name. */
@Command(name = "bench", description = "Benchmarks: figures are medians of repeated runs, with their baselines.",
        subcommands = {BenchCommand.Binding.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("name a benchmark: binding");
    }

    /** {@code eqspice bench binding}. */
    @Command(name = "binding", description = {"Operating point through eqspice vs. the ngspice -b program on resistor "
            + "grids of ~1k, 10k, 80k resistors; memory over many solves."})
    static final class Binding implements Callable<Integer> {
        @Option(names = "--solves", defaultValue = "10000", description = "solves for the memory figure (default ${DEFAULT-VALUE})")
        int solves;

        @Option(names = "--no-klu", description = "use ngspice's default sparse solver instead of KLU")
        boolean noKlu;

        @Override
        public Integer call() throws IOException {
            BindingBench.run(System.out, SolverOptions.DEFAULT.withKlu(!noKlu), solves);
            return 0;
        }
    }
}
