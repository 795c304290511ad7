package eqspice.sweep;

import eqspice.results.AtomicFiles;
import eqspice.run.ChildJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a sweep on a Slurm cluster: the running eqspice jar copied into the results folder (so that
 * a rebuild of the checkout never changes a job in the queue), the array script and the optional
 * merge script written there, and both submitted, the merge chained with {@code --dependency=afterok}.
 */
public final class SlurmJob {
    /** File systems that live on one node: a results folder there is not seen by the other nodes. */
    private static final List<String> NODE_LOCAL_TYPES = List.of("tmpfs", "ramfs");
    private static final List<Path> NODE_LOCAL_PATHS = List.of(Path.of("/tmp"), Path.of("/var/tmp"),
            Path.of("/dev/shm"), Path.of("/run"));

    private SlurmJob() {
    }

    /** What {@link #write} wrote. */
    public record Written(Path script, Path merge, String launchNote) {
    }

    /**
     * The words after {@code java} that start eqspice on a node (the node finds its own java, so
     * this is not {@link ChildJvm#command}): this JVM's -X options, then
     * {@code -jar results/eqspice.jar} (a copy of the running jar) or, in a development build run
     * from class folders, the class path in place.
     *
     * @return the words, and a note for the user when the class path is used in place
     */
    static Launch launch(Path results) throws IOException {
        List<String> words = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-X") && a.matches("[A-Za-z0-9_.:+=,@-]+")) {
                words.add(a); // heap and GC choices of ./eqspice; system properties stay behind
            }
        }
        Optional<Path> jar = runningJar();
        if (jar.isPresent()) {
            Path copy = results.resolve("eqspice.jar");
            AtomicFiles.write(copy, out -> Files.copy(jar.get(), out)); // no eqspice.jar.tmp left when it fails
            words.addAll(List.of("-jar", copy.toString()));
            return new Launch(words, "");
        }
        words.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildJvm.MAIN_CLASS));
        return new Launch(words, "running from class folders (a development build): the tasks use them in place; "
                + "run ./eqspice once to build the jar, which is then copied into " + results);
    }

    record Launch(List<String> words, String note) {
    }

    private static Optional<Path> runningJar() {
        try {
            Path p = Path.of(SlurmJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code sweep.sbatch} (and {@code merge.sbatch} when asked) into the script's results
     * folder, with the jar copied beside them.
     */
    public static Written write(SlurmScript.Builder script, Path results, boolean mergeJob) throws IOException {
        Files.createDirectories(results.resolve("slurm"));
        Launch launch = launch(results);
        SlurmScript s = script.launch(launch.words()).results(results).build();
        Path sh = results.resolve("sweep.sbatch");
        writeText(sh, s.text());
        Path merge = null;
        if (mergeJob) {
            merge = results.resolve("merge.sbatch");
            writeText(merge, s.mergeText());
        }
        return new Written(sh, merge, launch.note());
    }

    private static void writeText(Path target, String text) throws IOException {
        AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A warning when the results folder looks node-local (under /tmp, /var/tmp, /dev/shm or /run, or
     * on a tmpfs): each task would then write its shard where no other node, and no merge, sees it.
     */
    public static Optional<String> nodeLocalWarning(Path results) {
        Path abs = results.toAbsolutePath().normalize();
        String type = "";
        try {
            Path existing = abs;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null) {
                FileStore store = Files.getFileStore(existing);
                type = store.type();
            }
        } catch (IOException e) {
            type = "";
        }
        Optional<Path> under = NODE_LOCAL_PATHS.stream().filter(abs::startsWith).findFirst();
        List<String> why = new ArrayList<>();
        under.ifPresent(u -> why.add("under " + u));
        if (NODE_LOCAL_TYPES.contains(type)) {
            why.add("a " + type + " file system");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of("warning: " + abs + " looks node-local ("
                + String.join(", ", why) + "): every task and the merge must see the results folder; on a cluster "
                + "give --out a folder on a shared file system");
    }

    /** Submits the array script and, if given, the merge script chained on it; returns the job ids. */
    public static List<String> submit(Path script, Path merge) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String array = sbatch(List.of("sbatch", "--parsable", script.toString()));
        ids.add(array);
        if (merge != null) {
            ids.add(sbatch(List.of("sbatch", "--parsable", "--dependency=afterok:" + array, merge.toString())));
        }
        return ids;
    }

    private static String sbatch(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String reply = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sbatch failed: " + reply);
        }
        return reply.split(";")[0]; // --parsable prints "jobid[;cluster]"
    }
}
