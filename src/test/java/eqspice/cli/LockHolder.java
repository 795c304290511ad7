package eqspice.cli;

import eqspice.results.ResultsFolderLock;
import java.nio.file.Path;

/**
 * A process that holds a results folder's lock as a running sweep would, until its stdin ends
 * ({@link BadInputSetup}'s {@code lock:} setup). A lock must be held by another process: the
 * test JVM's own reads of the lock file would release a lock it held itself (fcntl semantics).
 *
 * <p>Arguments: the folder, the part ({@code -} for the whole folder, else e.g.
 * {@code shard-0-of-2}) and the command the lock file names.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (ResultsFolderLock lock = "-".equals(args[1]) ? ResultsFolderLock.whole(dir, args[2], n -> { })
                : ResultsFolderLock.part(dir, args[1], args[2], n -> { })) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the test closes our stdin
            }
        }
    }
}
