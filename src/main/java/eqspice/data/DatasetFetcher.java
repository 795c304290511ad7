package eqspice.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Provisions a data set into the {@link DatasetCache} from its Debian package: {@code apt-get
 * download} fetches the package file into a temporary folder (after an {@code apt-get update}
 * when the first try fails), {@code dpkg-deb -x} unpacks it there, and only the data set's own
 * files are moved into the cache (each through a temporary name, so a killed fetch never
 * leaves half a file under the real name). Nothing is installed into the system and no
 * internet site other than the Debian archive configured for apt is contacted.
 */
public final class DatasetFetcher {
    private static final long STEP_TIMEOUT_MINUTES = 15;

    private final DatasetCache cache;
    private final Consumer<String> log;

    public DatasetFetcher(DatasetCache cache, Consumer<String> log) {
        this.cache = cache;
        this.log = log;
    }

    /** Provisions {@code d} unless its files are already present and load; returns the folder. */
    public Path ensure(Dataset d) {
        if (cache.present(d)) {
            try {
                DatasetFiles.check(cache, d);
                return cache.dir(d);
            } catch (DataException e) {
                log.accept(d.id() + ": cached files are unusable (" + e.getMessage().lines().findFirst().orElse("")
                        + "); fetching again");
            }
        }
        return fetch(d);
    }

    /** Fetches {@code d} from its Debian package, replacing whatever the cache held, and checks the result. */
    public Path fetch(Dataset d) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("eqspice-fetch-");
            Path deb = download(d.debianPackage(), tmp);
            Path tree = tmp.resolve("tree");
            run(List.of("dpkg-deb", "-x", deb.toString(), tree.toString()), tmp, "unpacking " + deb.getFileName());
            Path target = cache.dir(d);
            Files.createDirectories(target);
            for (String f : d.files()) {
                Path src = tree.resolve(d.packageDir()).resolve(f);
                if (!Files.isRegularFile(src)) {
                    throw new DataException("the Debian package " + d.debianPackage() + " has no " + d.packageDir() + f
                            + "; this version of the package does not carry the " + d.id() + " data set");
                }
                Path part = target.resolve(f + ".part");
                Files.copy(src, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target.resolve(f), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            DatasetFiles.check(cache, d);
            log.accept(d.id() + ": " + d.files().size() + " file(s) from " + deb.getFileName() + " in " + target);
            return target;
        } catch (IOException e) {
            throw new DataException("cannot provision " + d.id() + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private Path download(String pkg, Path dir) throws IOException {
        List<String> cmd = List.of("apt-get", "download", pkg);
        String first = tryRun(cmd, dir);
        if (first != null) {
            log.accept("apt-get download " + pkg + " failed; running apt-get update and trying again");
            tryRun(List.of("apt-get", "update"), dir);
            run(cmd, dir, "apt-get download " + pkg);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(pkg + "_")
                    && p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new DataException("apt-get download " + pkg + " left no package file in " + dir));
        }
    }

    private static void run(List<String> cmd, Path dir, String what) {
        String failure = tryRun(cmd, dir);
        if (failure != null) {
            throw new DataException(what + " failed: " + failure);
        }
    }

    /** Runs a command; null when it succeeded, else why not (exit status and its last output lines). */
    private static String tryRun(List<String> cmd, Path dir) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return String.join(" ", cmd) + " did not finish within " + STEP_TIMEOUT_MINUTES + " minutes";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
            return "exit status " + p.exitValue() + ": "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "cannot start " + cmd.get(0) + " (" + e.getMessage() + "); a Debian system with apt is needed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary folder " + root, e);
        }
    }
}
