package eqspice.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One writer per results folder. A process that writes into a folder ({@code eqspice run},
 * {@code sweep}, {@code merge}) holds an exclusive advisory lock ({@link FileChannel#tryLock},
 * fcntl on Linux, honoured across NFS) on the folder's {@code .eqspice.lock}, which names the
 * holder: pid, host, start time and command. A second process is refused, with the holder named.
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
    private static final int MAX_HOLDER_BYTES = 4096;

    private final List<Held> held;

    /** A lock file this process holds a lock on; {@code names} once it has written its name into it. */
    private static final class Held {
        final Path file;
        final FileChannel channel;
        boolean names;

        Held(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }
    }

    private ResultsFolderLock(List<Held> held) {
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
        List<Held> held = new ArrayList<>();
        try {
            Held folder = lock(dir.resolve(FILE), false);
            if (folder == null) {
                throw busy(dir, holders(dir));
            }
            held.add(folder); // exclusive: no shard holds it shared, so none runs
            claim(folder, command, notes);
            return new ResultsFolderLock(held);
        } catch (IOException e) {
            release(held);
            throw IoFailures.writing("the lock file " + dir.resolve(FILE), e);
        } catch (RuntimeException e) {
            release(held);
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
        List<Held> held = new ArrayList<>();
        try {
            Held folder = lock(dir.resolve(FILE), true);
            if (folder == null) {
                throw busy(dir, List.of(describe(read(dir.resolve(FILE)))));
            }
            held.add(folder);
            String left = read(folder.channel);
            if (!left.isBlank()) { // a whole-folder writer died holding it: we hold it shared, so it is gone
                notes.accept(takeOver(dir, left));
                clear(folder.channel);
            }
            Held own = lock(dir.resolve(".eqspice-" + part + ".lock"), false);
            if (own == null) {
                throw busy(dir, List.of(describe(read(dir.resolve(".eqspice-" + part + ".lock")))));
            }
            held.add(own);
            claim(own, command, notes);
            return new ResultsFolderLock(held);
        } catch (IOException e) {
            release(held);
            throw IoFailures.writing("a lock file in " + dir, e);
        } catch (RuntimeException e) {
            release(held);
            throw e;
        }
    }

    /** Empties the lock files this process wrote and releases the locks. */
    @Override
    public void close() {
        for (Held h : held) {
            if (h.names) {
                try {
                    clear(h.channel);
                } catch (IOException e) {
                    // the lock goes with the channel anyway; a name left behind is reported as a take-over later
                }
            }
        }
        release(held);
    }

    /**
     * Opens and locks a lock file; null when another process holds it. The file is created
     * only when missing (nobody can hold a lock on a file that does not exist), so a refused
     * process changes nothing in the folder.
     */
    private static Held lock(Path file, boolean shared) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        try {
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                ch.close();
                return null;
            }
            return new Held(file, ch);
        } catch (OverlappingFileLockException e) { // this JVM holds it already (a command run twice in one test JVM)
            ch.close();
            return null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Writes this process's name into a lock it holds, after reporting the dead holder it replaces, if any. */
    private static void claim(Held h, String command, Consumer<String> notes) throws IOException {
        String left = read(h.channel);
        if (!left.isBlank()) {
            notes.accept(takeOver(h.file.getParent(), left));
        }
        Map<String, String> me = new LinkedHashMap<>();
        me.put("pid", Long.toString(ProcessHandle.current().pid()));
        me.put("host", Host.name());
        me.put("started", Instant.now().toString());
        me.put("command", command.replaceAll("\\R", " "));
        StringBuilder text = new StringBuilder();
        me.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        h.channel.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            h.channel.write(buf, h.channel.size());
        }
        h.channel.force(false);
        h.names = true;
    }

    private static void clear(FileChannel ch) throws IOException {
        ch.truncate(0);
        ch.force(false);
    }

    private static void release(List<Held> held) {
        for (Held h : held) {
            try {
                h.channel.close(); // releases the lock
            } catch (IOException e) {
                // closing a channel we only read and locked; the lock is gone with the process at the latest
            }
        }
    }

    /** Who holds the folder: the whole-folder holder named in its file, and every running shard. */
    private static List<String> holders(Path dir) throws IOException {
        List<String> who = new ArrayList<>();
        String whole = read(dir.resolve(FILE));
        if (!whole.isBlank()) {
            who.add(describe(whole));
        }
        who.addAll(runningShards(dir).values());
        return who;
    }

    /** The shard lock files of {@code dir} whose lock is held now, with their holders. */
    private static Map<Path, String> runningShards(Path dir) throws IOException {
        Map<Path, String> running = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".eqspice-*.lock")) {
            for (Path f : files) {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    FileLock probe;
                    try {
                        probe = ch.tryLock(0, Long.MAX_VALUE, true);
                    } catch (OverlappingFileLockException e) {
                        probe = null;
                    }
                    if (probe == null) {
                        running.put(f, describe(read(f)));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no folder, no shards
        }
        return running;
    }

    /**
     * The holder named in a lock file this process does not lock. A file this process locks is
     * read through its own channel ({@link #read(FileChannel)}): closing any other channel on it
     * would release the lock (POSIX fcntl semantics).
     */
    private static String read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_HOLDER_BYTES);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // a holder's name is a few lines; more is not one
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    /** A holder's lines as one phrase: {@code eqspice sweep x.yaml (pid 12 on host h, started 2026-...)}. */
    static String describe(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        text.lines().forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) {
                f.put(l.substring(0, eq), clean(l.substring(eq + 1).strip()));
            }
        });
        if (f.isEmpty()) {
            return "another process (its lock file names no holder)";
        }
        return f.getOrDefault("command", "eqspice") + " (pid " + f.getOrDefault("pid", "?") + " on host "
                + f.getOrDefault("host", "?") + ", started " + f.getOrDefault("started", "?") + ")";
    }

    /** A value of a lock file for a message: control characters shown as \\u escapes, at most 300 characters. */
    private static String clean(String v) {
        StringBuilder sb = new StringBuilder();
        v.codePoints().limit(300).forEach(c -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return sb.toString();
    }

    private static String takeOver(Path dir, String left) {
        return "taking over the lock of " + dir + ": its holder, " + describe(left) + ", is no longer running "
                + "(it was stopped without releasing it); if it did not finish, its results there are incomplete";
    }

    private static ResultsFolderBusyException busy(Path dir, List<String> holders) {
        String who = holders.isEmpty() ? "another eqspice process" : String.join(" and ", holders);
        return new ResultsFolderBusyException(dir + " is in use by " + who + "; one process writes into a results "
                + "folder at a time: wait for it to finish, or give --out another folder");
    }

    /** This machine's name, for lock files read on other machines of a cluster. */
    private static final class Host {
        private static String name;

        static synchronized String name() {
            if (name == null) {
                name = find();
            }
            return name;
        }

        private static String find() {
            try {
                String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
                if (!n.isEmpty()) {
                    return n;
                }
            } catch (IOException | UncheckedIOException e) {
                // not Linux: ask Java
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
