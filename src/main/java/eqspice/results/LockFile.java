package eqspice.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lock file that this process holds an advisory lock on ({@link FileChannel#tryLock}), and
 * the holder's name written into it: {@code pid=}, {@code host=}, {@code started=} and
 * {@code command=} lines. POSIX drops all of a process's locks on a file when the process
 * closes any descriptor of it, so a held file is read only through its own channel; files this
 * process does not hold are read with {@link #holderOf}.
 */
final class LockFile implements AutoCloseable {
    private static final int MAX_HOLDER_BYTES = 4096;

    private final FileChannel channel;
    private boolean names;

    private LockFile(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens and locks {@code file}; null when another process (or this one, elsewhere) holds it.
     * The file is created only when missing (nobody holds a lock on a file that does not exist),
     * so a refused process changes nothing.
     */
    static LockFile tryLock(Path file, boolean shared) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        try {
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                ch.close();
                return null;
            }
            return new LockFile(ch);
        } catch (OverlappingFileLockException e) { // this JVM holds it already (a command run twice in one JVM)
            ch.close();
            return null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Whether another process holds a lock on {@code file} now (probed with a shared lock, released at once). */
    static boolean isHeld(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try {
                return ch.tryLock(0, Long.MAX_VALUE, true) == null;
            } catch (OverlappingFileLockException e) {
                return true;
            }
        }
    }

    /** The holder named in a lock file this process does not hold; empty when there is none. */
    static String holderOf(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /** The holder named in this file: empty, or a dead holder's name (we hold the lock now). */
    String holder() throws IOException {
        return read(channel);
    }

    /** Writes this process's name into the file. */
    void claim(String command) throws IOException {
        Map<String, String> me = new LinkedHashMap<>();
        me.put("pid", Long.toString(ProcessHandle.current().pid()));
        me.put("host", Host.name());
        me.put("started", Instant.now().toString());
        me.put("command", command.replaceAll("\\R", " "));
        StringBuilder text = new StringBuilder();
        me.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        channel.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf, channel.size());
        }
        channel.force(false);
        names = true;
    }

    /** Empties the file (the holder it named is gone). */
    void clear() throws IOException {
        channel.truncate(0);
        channel.force(false);
    }

    /** Empties the file if it names this process, and releases the lock. */
    @Override
    public void close() {
        try {
            if (names) {
                clear();
            }
        } catch (IOException e) {
            // the lock goes with the channel anyway; a name left behind is reported as a take-over later
        }
        try {
            channel.close(); // releases the lock
        } catch (IOException e) {
            // nothing was written through it that could be lost; the lock is gone with the process at the latest
        }
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

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_HOLDER_BYTES);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // a holder's name is a few lines; more is not one
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    /** A value of a lock file for a message: control characters shown as \\u escapes, at most 300 characters. */
    private static String clean(String v) {
        StringBuilder sb = new StringBuilder();
        v.codePoints().limit(300).forEach(c -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return sb.toString();
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
