package eqspice.sweep;

import eqspice.results.ResultsFolderGuard;
import eqspice.results.ResultsFolderLock;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Takes a sweep's results folder: checks, reading only, that it may hold this sweep (a place
 * for results at all, a new or empty folder or this sweep's own, a readable ledger of the same
 * experiment), then locks it for the whole sweep or for one shard ({@link ResultsFolderLock}).
 * A refusal changes nothing in the folder.
 */
public final class SweepFolder {
    private SweepFolder() {
    }

    /**
     * @param whole   the whole sweep (its ledger names the experiment file's hash)
     * @param shard   the shard this process runs, or null for the whole sweep
     * @param command what holds the lock, for another process's refusal message
     * @param notes   where a take-over of a dead holder's lock is reported
     */
    public static ResultsFolderLock take(Path dir, Sweep whole, Shard shard, String command, Consumer<String> notes) {
        ResultsFolderGuard.forSweep(dir);
        SweepLedger.checkResumable(dir, "provenance" + (shard == null ? "" : shard.suffix()) + ".json", whole);
        return shard == null ? ResultsFolderLock.whole(dir, command, notes)
                : ResultsFolderLock.part(dir, shard.suffix().substring(1), command, notes);
    }
}
