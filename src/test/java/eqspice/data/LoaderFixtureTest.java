package eqspice.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaders against small files in the real formats, written here. */
class LoaderFixtureTest {
    @TempDir
    Path dir;

    private static byte[] idx(int type, int[] dims, byte[] body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt((type << 8) | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(body);
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(b)) {
            z.write(raw);
        }
        return b.toByteArray();
    }

    @Test
    void idxImagesAndLabelsPlainAndGzipped() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k * 20); // 0, 20, ..., 220: values above 127 must come back unsigned
        }
        Path plain = Files.write(dir.resolve("img-idx3-ubyte"), idx(0x08, new int[] {3, 2, 2}, pixels));
        Path gz = Files.write(dir.resolve("img-idx3-ubyte.gz"), gzip(idx(0x08, new int[] {3, 2, 2}, pixels)));
        for (Path p : new Path[] {plain, gz}) {
            assertArrayEquals(new int[] {3, 2, 2}, IdxFile.dimensions(p, "hint"));
            double[][] img = IdxFile.images(p, 0, "hint");
            assertEquals(3, img.length);
            assertArrayEquals(new double[] {160, 180, 200, 220}, img[2]);
            assertEquals(1, IdxFile.images(p, 1, "hint").length, "a limit reads only the first images");
        }
        Path labels = Files.write(dir.resolve("lab.gz"), gzip(idx(0x08, new int[] {3}, new byte[] {7, 0, 9})));
        assertArrayEquals(new int[] {7, 0, 9}, IdxFile.labels(labels, 0, "hint"));
    }

    @Test
    void idxRejectsTruncatedWrongTypeAndMissingFilesWithTheHint() throws IOException {
        String hint = "run 'eqspice datasets fetch fashion-mnist'";
        Path cut = Files.write(dir.resolve("cut.gz"), gzip(idx(0x08, new int[] {5, 2, 2}, new byte[7])));
        String m = assertThrows(DataException.class, () -> IdxFile.images(cut, 0, hint)).getMessage();
        assertTrue(m.contains("truncated") && m.contains(hint), m);
        Path ints = Files.write(dir.resolve("int.idx"), idx(0x0C, new int[] {1}, new byte[4]));
        m = assertThrows(DataException.class, () -> IdxFile.labels(ints, 0, hint)).getMessage();
        assertTrue(m.contains("not an IDX file of unsigned bytes") && m.contains("0x00000c01"), m);
        Path labelsAsImages = Files.write(dir.resolve("lab.idx"), idx(0x08, new int[] {2}, new byte[2]));
        m = assertThrows(DataException.class, () -> IdxFile.images(labelsAsImages, 0, hint)).getMessage();
        assertTrue(m.contains("3 dimension(s)"), m);
        m = assertThrows(DataException.class, () -> IdxFile.labels(dir.resolve("none.gz"), 0, hint)).getMessage();
        assertTrue(m.contains("no such file") && m.contains(hint), m);
    }

    @Test
    void sklearnCsvWithHeaderAndGzippedWithout() throws IOException {
        Path iris = Files.writeString(dir.resolve("iris.csv"), "4,2,a,b\n1.5,2,0\n3,4.25,1\n\n5,6,1\n7,8,0\n");
        LabeledData d = SklearnCsv.read(iris, "mini", true, 4, 2, 2, "hint");
        assertEquals(4, d.size());
        assertArrayEquals(new double[] {3, 4.25}, d.features()[1]);
        assertArrayEquals(new int[] {0, 1, 1, 0}, d.labels());
        Path digits = Files.write(dir.resolve("digits.csv.gz"),
                gzip("0,16,2\n3.0,4.0,0\n".getBytes(StandardCharsets.UTF_8)));
        LabeledData g = SklearnCsv.read(digits, "mini", false, 2, 2, 3, "hint");
        assertArrayEquals(new int[] {2, 0}, g.labels());
        assertArrayEquals(new double[] {0, 16}, g.features()[0]);
    }

    @Test
    void sklearnCsvNamesTheLineAndHowToProvision() throws IOException {
        String hint = "run 'eqspice datasets fetch iris'";
        Path wide = Files.writeString(dir.resolve("w.csv"), "2,2,a,b\n1,2,0\n1,2,3,0\n");
        String m = assertThrows(DataException.class, () -> SklearnCsv.read(wide, "x", true, 2, 2, 2, hint)).getMessage();
        assertTrue(m.contains("line 3: 4 columns, expected 3") && m.contains(hint), m);
        Path text = Files.writeString(dir.resolve("t.csv"), "2,2,a,b\n1,x,0\n1,2,0\n");
        m = assertThrows(DataException.class, () -> SklearnCsv.read(text, "x", true, 2, 2, 2, hint)).getMessage();
        assertTrue(m.contains("line 2: 'x' is not a finite number"), m);
        Path cls = Files.writeString(dir.resolve("c.csv"), "2,2,a,b\n1,2,0\n1,2,2\n");
        m = assertThrows(DataException.class, () -> SklearnCsv.read(cls, "x", true, 2, 2, 2, hint)).getMessage();
        assertTrue(m.contains("line 3: class '2' is not an integer 0..1"), m);
        Path few = Files.writeString(dir.resolve("f.csv"), "2,2,a,b\n1,2,0\n");
        m = assertThrows(DataException.class, () -> SklearnCsv.read(few, "x", true, 2, 2, 2, hint)).getMessage();
        assertTrue(m.contains("1 samples, expected 2") && m.contains(hint), m);
        Path header = Files.writeString(dir.resolve("h.csv"), "3,2,a,b\n1,2,0\n1,2,0\n");
        m = assertThrows(DataException.class, () -> SklearnCsv.read(header, "x", true, 2, 2, 2, hint)).getMessage();
        assertTrue(m.contains("line 1: expected the header '2,2,...'"), m);
        Path gzBroken = Files.write(dir.resolve("b.csv.gz"), Arrays.copyOf(gzip("1,2,0\n".repeat(100).getBytes()), 20));
        m = assertThrows(DataException.class, () -> SklearnCsv.read(gzBroken, "x", false, 100, 2, 2, hint)).getMessage();
        assertTrue(m.contains("cannot read") && m.contains(hint), m);
    }

    @Test
    void missingCacheFileSaysWhichCommandProvisionsIt() {
        DatasetCache empty = new DatasetCache(dir.resolve("cache"));
        String m = assertThrows(DataException.class, () -> DatasetFiles.digits(empty)).getMessage();
        assertTrue(m.contains("digits.csv.gz: no such file") && m.contains("eqspice datasets fetch digits"), m);
        m = assertThrows(DataException.class, () -> DatasetFiles.fashion(empty, true, 10)).getMessage();
        assertTrue(m.contains("eqspice datasets fetch fashion-mnist"), m);
    }

    @Test
    void fashionFilesWithWrongSizesAreRefused() throws IOException {
        DatasetCache cache = new DatasetCache(dir.resolve("cache"));
        Files.createDirectories(cache.dir(Dataset.FASHION_MNIST));
        Files.write(cache.file(Dataset.FASHION_MNIST, "t10k-images-idx3-ubyte.gz"),
                gzip(idx(0x08, new int[] {2, 28, 28}, new byte[2 * 784])));
        Files.write(cache.file(Dataset.FASHION_MNIST, "t10k-labels-idx1-ubyte.gz"),
                gzip(idx(0x08, new int[] {2}, new byte[] {1, 2})));
        String m = assertThrows(DataException.class, () -> DatasetFiles.fashion(cache, false, 0)).getMessage();
        assertTrue(m.contains("IDX dimensions [2, 28, 28], expected [10000, 28, 28]"), m);
    }

    @Test
    void cacheFollowsTheEnvironment() {
        assertEquals(Path.of("/data/x").toAbsolutePath(),
                DatasetCache.fromEnvironment(java.util.Map.of(DatasetCache.ENV, "/data/x")).root());
        assertTrue(DatasetCache.fromEnvironment(java.util.Map.of()).root().endsWith(Path.of(".cache", "eqspice", "datasets")));
    }
}
