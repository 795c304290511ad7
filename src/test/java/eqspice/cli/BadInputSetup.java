package eqspice.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * What a bad-input case needs in its work folder besides its input file (the optional sixth
 * column of an expected*.tsv, setups separated by {@code ,}), made before the folder's snapshot
 * so that the case must leave it exactly as it was:
 * <ul>
 * <li>{@code copy:SRC=DEST}: a corpus file copied to DEST (folders made), e.g. a garbled table
 *     as {@code out/points.csv};</li>
 * <li>{@code lock:DIR} / {@code lock:DIR:PART}: another process holds DIR's lock (the whole
 *     folder, or one part such as {@code shard-0-of-2}), naming {@code eqspice sweep sweep-ok.yaml};</li>
 * <li>{@code home}: the folder {@code home} is the user's home ({@code user.home} and {@code HOME});</li>
 * <li>{@code env:NAME=VALUE}: an environment variable;</li>
 * <li>{@code huge-yaml}: {@code huge.yaml}, one 16 MiB quoted scalar (too large to commit);</li>
 * <li>{@code gzip-bomb}: a digits data file that unpacks to one line of 1.5 GiB (1.5 MB packed:
 *     96 gzip members of 16 MiB of '1'), with {@code EQSPICE_DATA} pointing at it;</li>
 * <li>{@code sparse-data}: a digits data file of 100 MiB (sparse: no disk used), likewise.</li>
 * </ul>
 */
final class BadInputSetup implements AutoCloseable {
    final Map<String, String> env = new LinkedHashMap<>();
    final List<String> jvmOptions = new ArrayList<>();
    private final List<Process> holders = new ArrayList<>();

    /** Applies {@code setups} to the work folder; the caller closes the result after the case. */
    static BadInputSetup apply(List<String> setups, Path work, Path corpus) throws Exception {
        BadInputSetup s = new BadInputSetup();
        try {
            for (String setup : setups) {
                s.one(setup, work, corpus);
            }
        } catch (Exception | AssertionError e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The corpus files a setup list copies (so that the corpus check counts them as used). */
    static List<String> sources(List<String> setups) {
        return setups.stream().filter(x -> x.startsWith("copy:")).map(x -> x.substring(5, x.indexOf('='))).toList();
    }

    private void one(String setup, Path work, Path corpus) throws Exception {
        String[] kv = setup.split(":", 2);
        switch (kv[0]) {
            case "copy" -> {
                String[] srcDest = kv[1].split("=", 2);
                Path dest = work.resolve(srcDest[1]);
                Files.createDirectories(dest.getParent());
                Files.copy(corpus.resolve(srcDest[0]), dest);
            }
            case "lock" -> {
                String[] dirPart = kv[1].split(":", 2);
                hold(work, work.resolve(dirPart[0]), dirPart.length > 1 ? dirPart[1] : "-");
            }
            case "home" -> {
                Path home = Files.createDirectories(work.resolve("home"));
                jvmOptions.add("-Duser.home=" + home);
                env.put("HOME", home.toString());
            }
            case "env" -> {
                String[] nv = kv[1].split("=", 2);
                env.put(nv[0], nv[1]);
            }
            case "huge-yaml" -> {
                try (OutputStream out = Files.newOutputStream(work.resolve("huge.yaml"))) {
                    out.write("name: \"".getBytes(StandardCharsets.UTF_8));
                    byte[] block = new byte[1 << 20];
                    java.util.Arrays.fill(block, (byte) 'a');
                    for (int k = 0; k < 16; k++) {
                        out.write(block);
                    }
                    out.write("\"\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            case "gzip-bomb" -> {
                Path gz = digits(work);
                byte[] ones = new byte[16 << 20];
                java.util.Arrays.fill(ones, (byte) '1');
                java.io.ByteArrayOutputStream member = new java.io.ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(member)) {
                    z.write(ones);
                }
                try (OutputStream out = Files.newOutputStream(gz)) {
                    for (int k = 0; k < 96; k++) { // a gzip file may hold several members, read one after another
                        member.writeTo(out);
                    }
                }
            }
            case "sparse-data" -> {
                try (RandomAccessFile f = new RandomAccessFile(digits(work).toFile(), "rw")) {
                    f.setLength(100L << 20);
                }
            }
            default -> throw new IllegalArgumentException("unknown setup '" + setup + "'");
        }
    }

    /** The digits data file of a data cache in the work folder, which EQSPICE_DATA names. */
    private Path digits(Path work) throws IOException {
        Path data = work.resolve("data");
        env.put("EQSPICE_DATA", data.toString());
        return Files.createDirectories(data.resolve("digits")).resolve("digits.csv.gz");
    }

    /** Starts a {@link LockHolder} on {@code dir} and waits until it holds the lock. */
    private void hold(Path work, Path dir, String part) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                dir.toString(), part, "eqspice sweep sweep-ok.yaml" + ("-".equals(part) ? "" : " --shard 0/2"))
                .directory(work.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        holders.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (!"locked".equals(line)) {
            throw new AssertionError("the lock holder did not lock " + dir + " (said " + line + ")");
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : holders) {
            p.getOutputStream().close(); // end of stdin: the holder releases and exits
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
