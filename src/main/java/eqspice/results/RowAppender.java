package eqspice.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only text file of rows (a CSV table), written a whole row at a time: each
 * {@link #append} is one {@code write}, and when it fails part-way (a full disk) the file is
 * cut back to where the row began, so no torn row is left behind. After a failed append the
 * file takes no more rows: a row written after a torn one that could not be cut back would sit
 * in the middle of the file.
 */
public final class RowAppender implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final boolean durable;
    private IOException failed;

    private RowAppender(Path file, FileChannel channel, boolean durable) {
        this.file = file;
        this.channel = channel;
        this.durable = durable;
    }

    /**
     * Opens {@code file} for appending rows, creating it when missing.
     *
     * @param durable force every row to the disk before {@link #append} returns (a ledger of
     *                finished work; a crash must not lose a row the caller was told is written)
     */
    public static RowAppender open(Path file, boolean durable) throws IOException {
        return new RowAppender(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), durable);
    }

    /** Creates {@code file} empty (replacing what it held) and opens it for rows. */
    public static RowAppender create(Path file, boolean durable) throws IOException {
        return new RowAppender(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), durable); // one writer: its position is the end
    }

    /** The file's size in bytes. */
    public synchronized long size() throws IOException {
        return channel.size();
    }

    /** Appends {@code text} (whole rows, each ending in a line break) in one write. */
    public synchronized void append(String text) throws IOException {
        if (failed != null) {
            throw new IOException("an earlier write to " + file + " failed (" + IoFailures.describe(failed)
                    + "); it takes no more rows", failed);
        }
        long before = channel.size();
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (durable) {
                channel.force(false);
            }
        } catch (IOException e) {
            failed = e;
            try {
                channel.truncate(before); // the torn row goes; a reopened table would cut it off otherwise
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
