package eqspice.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small real file system (tmpfs) mounted for a test, that the test fills up to the last byte
 * at the moment it chooses and frees again: eqspice meets a real {@code No space left on
 * device} from the kernel, not a mock. Needs root (the test runs as root here); without the
 * right to mount, {@link #mount} says so and the test is skipped with that reason.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;
    private final Path filler;

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** Mounts a tmpfs of {@code mib} MiB on {@code dir}; null (with the reason in {@code why}) when mounting is not allowed. */
    public static SmallDisk mount(Path dir, int mib, StringBuilder why) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            why.append("cannot mount a tmpfs (").append(out.strip()).append("); this test needs root");
            return null;
        }
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes a file until the disk is full; returns the bytes it took. */
    public long fill() throws IOException {
        byte[] block = new byte[1 << 16];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
        // the last partial block: bytes one by one until not even one fits
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException e) {
            return written;
        }
    }

    /** Mounts the file system again, read-only ({@code ro}) or writable. */
    public void remount(boolean readOnly) throws Exception {
        Process p = new ProcessBuilder(List.of("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), dir.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("cannot remount " + dir + ": " + out);
        }
    }

    /** Deletes the filling file: the space is free again. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws Exception {
        Process p = new ProcessBuilder(List.of("umount", dir.toString())).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            new ProcessBuilder(List.of("umount", "-l", dir.toString())).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
