package eqspice.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of (Fashion-)MNIST: a big-endian magic number {@code 0x00 0x00 type
 * dims} (type 0x08 = unsigned byte), one 32-bit size per dimension, then the values. Files may
 * be gzipped (detected by their first two bytes). Only unsigned-byte files with 1 dimension
 * (labels) or 3 dimensions (images) are accepted.
 */
public final class IdxFile {
    private static final int UBYTE = 0x08;

    private IdxFile() {
    }

    /** The dimensions of a file, read from its header only. */
    public static int[] dimensions(Path file, String hint) {
        try (DataInputStream in = open(file, hint)) {
            return header(file, in, -1, hint);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file; " + hint);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the IDX header (" + e.getMessage() + "); " + hint, e);
        }
    }

    /** The first {@code limit} labels (all when limit &lt;= 0) of a 1-dimensional file. */
    public static int[] labels(Path file, int limit, String hint) {
        try (DataInputStream in = open(file, hint)) {
            int[] dims = header(file, in, 1, hint);
            int n = limit > 0 ? Math.min(limit, dims[0]) : dims[0];
            int[] out = new int[n];
            for (int k = 0; k < n; k++) {
                out[k] = in.readUnsignedByte();
            }
            return out;
        } catch (IOException e) {
            throw readFailure(file, e, hint);
        }
    }

    /** The first {@code limit} images (all when limit &lt;= 0) of a 3-dimensional file, as rows of rows*cols grey levels. */
    public static double[][] images(Path file, int limit, String hint) {
        try (DataInputStream in = open(file, hint)) {
            int[] dims = header(file, in, 3, hint);
            int n = limit > 0 ? Math.min(limit, dims[0]) : dims[0];
            int pixels = dims[1] * dims[2];
            double[][] out = new double[n][pixels];
            byte[] buf = new byte[pixels];
            for (int k = 0; k < n; k++) {
                in.readFully(buf);
                for (int p = 0; p < pixels; p++) {
                    out[k][p] = buf[p] & 0xff;
                }
            }
            return out;
        } catch (IOException e) {
            throw readFailure(file, e, hint);
        }
    }

    /** Why a read failed, with the hint that says how to provision the file again. */
    private static DataException readFailure(Path file, IOException e, String hint) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file + ": no such file; " + hint);
        }
        if (e instanceof EOFException) {
            return new DataException(file + ": ends before the size its header announces (truncated); " + hint, e);
        }
        return new DataException(file + ": cannot read (" + e.getMessage() + "); " + hint, e);
    }

    private static DataInputStream open(Path file, String hint) throws IOException {
        DataLimits.checkFileSize(file, hint); // the body is read only as far as the header's (checked) sizes go
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static int[] header(Path file, DataInputStream in, int wantDims, String hint) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new DataException(file + ": empty or shorter than an IDX header; " + hint, e);
        }
        int type = (magic >>> 8) & 0xff;
        int dims = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UBYTE || dims < 1 || dims > 3 || (wantDims > 0 && dims != wantDims)) {
            throw new DataException(String.format(java.util.Locale.ROOT,
                    "%s: not an IDX file of unsigned bytes with %s dimension(s) (magic number 0x%08x); %s", file,
                    wantDims > 0 ? Integer.toString(wantDims) : "1 to 3", magic, hint));
        }
        int[] size = new int[dims];
        for (int k = 0; k < dims; k++) {
            size[k] = in.readInt();
            if (size[k] < 1) {
                throw new DataException(file + ": dimension " + k + " has size " + size[k] + "; " + hint);
            }
        }
        return size;
    }
}
