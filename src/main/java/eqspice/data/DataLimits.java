package eqspice.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Size caps on data files, checked before and while reading, so that a broken or hostile file
 * (a gzip that unpacks to gigabytes, one endless line) is a clear error instead of a Java heap
 * exhausted. The caps are far above the real data sets: Fashion-MNIST's largest file is 26 MB
 * packed and 47 MB unpacked, a digits row is about 200 bytes.
 */
final class DataLimits {
    /** The most bytes a data file may have on disk (packed or not). */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** The most bytes a data file may unpack to. */
    static final long MAX_UNPACKED_BYTES = 256L << 20;
    /** The longest line of a CSV data file. */
    static final int MAX_LINE_BYTES = 1 << 16;

    private DataLimits() {
    }

    /** Refuses a file larger than {@link #MAX_FILE_BYTES} before it is opened for reading. */
    static void checkFileSize(Path file, String hint) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new DataException(String.format(Locale.ROOT, "%s: %,d bytes, more than the %d MiB a data file may "
                    + "have; it is not the data set's file; %s", file, size, MAX_FILE_BYTES >> 20, hint));
        }
    }

    /** {@code in} (the unpacked content of {@code file}), stopping with an error after {@link #MAX_UNPACKED_BYTES}. */
    static InputStream unpackedCap(InputStream in, Path file, String hint) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) {
                count += n;
                if (count > MAX_UNPACKED_BYTES) {
                    throw new DataException(String.format(Locale.ROOT, "%s unpacks to more than %d MiB; it is not the "
                            + "data set's file; %s", file, MAX_UNPACKED_BYTES >> 20, hint));
                }
            }
        };
    }
}
