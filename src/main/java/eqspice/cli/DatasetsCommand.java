package eqspice.cli;

import eqspice.data.DataException;
import eqspice.data.Dataset;
import eqspice.data.DatasetCache;
import eqspice.data.DatasetFetcher;
import eqspice.data.DatasetFiles;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice datasets fetch|list}: provision the real data sets into the cache, or show what is there. */
@Command(name = "datasets", description = {"Provision the real data sets (iris, digits, fashion-mnist) from Debian "
    + "packages into the cache ($" + DatasetCache.ENV + ", default ~/.cache/eqspice/datasets), or list them."},
        subcommands = {DatasetsCommand.Fetch.class, DatasetsCommand.ListSets.class})
final class DatasetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static List<Dataset> chosen(String which) {
        if (which == null || which.equals("all")) {
            return List.of(Dataset.values());
        }
        try {
            return List.of(Dataset.of(which));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown data set '" + which + "'; allowed: " + Dataset.names() + ", all");
        }
    }

    /** {@code eqspice datasets fetch [name|all]}. */
    @Command(name = "fetch", description = {"Fetch the Debian package of each data set with apt-get download, unpack "
        + "only its data files into the cache and check them. Data sets already present and valid are kept."})
    static final class Fetch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATASET", arity = "0..1", description = "iris, digits, fashion-mnist or all (default all)")
        String which;

        @picocli.CommandLine.Option(names = "--force", description = "fetch again even when the files are present")
        boolean force;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatasetCache cache = DatasetCache.fromEnvironment();
            DatasetFetcher fetcher = new DatasetFetcher(cache, line -> {
                out.println(line);
                out.flush();
            });
            for (Dataset d : chosen(which)) {
                java.nio.file.Path dir = force ? fetcher.fetch(d) : fetcher.ensure(d);
                out.println(d.id() + ": ready in " + dir);
            }
            return 0;
        }
    }

    /** {@code eqspice datasets list}. */
    @Command(name = "list", description = "Show the cache folder and whether each data set is provisioned and valid.")
    static final class ListSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatasetCache cache = DatasetCache.fromEnvironment();
            out.println("cache " + cache.root() + " ($" + DatasetCache.ENV + " overrides it)");
            List<String> missing = new ArrayList<>();
            for (Dataset d : Dataset.values()) {
                String state;
                try {
                    DatasetFiles.check(cache, d);
                    state = "ok";
                } catch (DataException e) {
                    state = "missing or broken";
                    missing.add(d.id());
                }
                out.printf("%-14s %-18s %s (Debian package %s)%n", d.id(), state, cache.dir(d), d.debianPackage());
            }
            if (!missing.isEmpty()) {
                out.println("provision with: eqspice datasets fetch " + (missing.size() == 1 ? missing.get(0) : "all"));
            }
            return 0;
        }
    }
}
