package eqspice.results;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One writer per results folder. A process that writes into a folder ({@code eqspice run},
 * {@code sweep}, {@code merge}) holds an exclusive advisory lock (fcntl on Linux, honoured
 * across NFS) on the folder's {@code .eqspice.lock}, which names the holder: pid, host, start
 * time and command ({@link LockFile}). A second process is refused, with the holder named.
 *
 * <p>Shards of one sweep run side by side in one folder (on other machines of a cluster): each
 * holds the folder's lock shared, which keeps whole-folder writers out, and its own
 * {@code .eqspice-shard-i-of-n.lock} exclusively, which keeps a second copy of the same shard
 * (a Slurm requeue of a task that still runs) out.
 *
 * <p>The operating system drops a lock when its holder dies, however it dies, so a lock file
 * that still names a holder while nobody holds its lock was left by a killed process: it is
 * taken over, and the taker says so. A clean exit empties the file but leaves it: deleting it
 * would let two processes each lock a different file of the same name.
 */
public final class ResultsFolderLock implements AutoCloseable {
    /** The folder's lock file. */
    public static final String FILE = ".eqspice.lock";

    private final List<LockFile> held;

    private ResultsFolderLock(List<LockFile> held) {
        this.held = held;
    }

    /**
     * Locks {@code dir} for a process that writes anywhere in it (creating the folder when it
     * does not exist yet).
     *
     * @param command what holds the lock, for another process's message (e.g. {@code eqspice run x.yaml})
     * @param notes   where a take-over of a dead holder's lock is reported
     * @throws ResultsFolderBusyException when another process holds the folder
     */
    public static ResultsFolderLock whole(Path dir, String command, Consumer<String> notes) {
        List<LockFile> held = new ArrayList<>();
        try {
            LockFile folder = LockFile.tryLock(dir.resolve(FILE), false);
            if (folder == null) {
                throw busy(dir, holders(dir));
            }
            held.add(folder); // exclusive: no shard holds it shared, so none runs
            claim(dir, folder, command, notes);
            return new ResultsFolderLock(held);
        } catch (IOException e) {
            held.forEach(LockFile::close);
            throw IoFailures.writing("the lock file " + dir.resolve(FILE), e);
        } catch (RuntimeException e) {
            held.forEach(LockFile::close);
            throw e;
        }
    }

    /**
     * Locks {@code dir} for one part of a sweep, e.g. {@code shard-2-of-4}: other parts may run
     * at the same time, a whole-folder writer or the same part may not.
     */
    public static ResultsFolderLock part(Path dir, String part, String command, Consumer<String> notes) {
        if (!part.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a lock part is a name of a-z, 0-9 and '-', got " + part);
        }
        List<LockFile> held = new ArrayList<>();
        Path own = dir.resolve(".eqspice-" + part + ".lock");
        try {
            LockFile folder = LockFile.tryLock(dir.resolve(FILE), true);
            if (folder == null) {
                throw busy(dir, List.of(LockFile.describe(LockFile.holderOf(dir.resolve(FILE)))));
            }
            held.add(folder);
            String left = folder.holder();
            if (!left.isBlank()) { // a whole-folder writer died holding it: we hold it shared, so it is gone
                notes.accept(takeOver(dir, left));
                folder.clear();
            }
            LockFile mine = LockFile.tryLock(own, false);
            if (mine == null) {
                throw busy(dir, List.of(LockFile.describe(LockFile.holderOf(own))));
            }
            held.add(mine);
            claim(dir, mine, command, notes);
            return new ResultsFolderLock(held);
        } catch (IOException e) {
            held.forEach(LockFile::close);
            throw IoFailures.writing("the lock file " + own, e);
        } catch (RuntimeException e) {
            held.forEach(LockFile::close);
            throw e;
        }
    }

    /** Empties the lock files this process wrote its name into and releases the locks. */
    @Override
    public void close() {
        held.forEach(LockFile::close);
    }

    /** Writes this process's name into a lock it holds, after reporting the dead holder it replaces, if any. */
    private static void claim(Path dir, LockFile lock, String command, Consumer<String> notes) throws IOException {
        String left = lock.holder();
        if (!left.isBlank()) {
            notes.accept(takeOver(dir, left));
        }
        lock.claim(command);
    }

    /** Who holds the folder: the whole-folder holder named in its file, and every running shard. */
    private static List<String> holders(Path dir) throws IOException {
        List<String> who = new ArrayList<>();
        String whole = LockFile.holderOf(dir.resolve(FILE));
        if (!whole.isBlank()) {
            who.add(LockFile.describe(whole));
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".eqspice-*.lock")) {
            for (Path f : parts) {
                if (LockFile.isHeld(f)) {
                    who.add(LockFile.describe(LockFile.holderOf(f)));
                }
            }
        } catch (NoSuchFileException e) {
            // no folder, no parts
        }
        return who;
    }

    private static String takeOver(Path dir, String left) {
        return "taking over the lock of " + dir + ": its holder, " + LockFile.describe(left) + ", is no longer running "
                + "(it was stopped without releasing it); if it did not finish, its results there are incomplete";
    }

    private static ResultsFolderBusyException busy(Path dir, List<String> holders) {
        String who = holders.isEmpty() ? "another eqspice process" : String.join(" and ", holders);
        return new ResultsFolderBusyException(dir + " is in use by " + who + "; one process writes into a results "
                + "folder at a time: wait for it to finish, or give --out another folder");
    }
}
