package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code ngspice} program in batch mode and reads the first point of its binary
 * rawfile ({@code ngspice -b -r file}), test-only.
 * The binary format stores every value as a C double in the writer's byte order, so unlike the
 * printed output (about 7 digits) it carries the solution at full precision.
 */
final class NgspiceBatch {
    private NgspiceBatch() {
    }

    /**
     * Runs {@code ngspice -b -r raw netlist}. The binary rawfile carries full doubles, so the
     * shipped netlist is solved exactly as a designer would run it, with no .control block added.
     */
    static Map<String, Double> run(Path netlist, Path raw) throws Exception {
        Path log = raw.resolveSibling(raw.getFileName() + ".log");
        Process p;
        try {
            p = new ProcessBuilder("ngspice", "-b", "-r", raw.toString(), netlist.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            fail("cannot run the ngspice program (needed for this test; install ngspice 46 and put it on PATH): "
                    + e.getMessage());
            return Map.of();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("ngspice -b did not finish within 60 s");
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), "ngspice -b failed:\n" + out);
        assertTrue(Files.exists(raw), "ngspice -b wrote no rawfile:\n" + out);
        return firstPoint(raw);
    }

    /** Values of the first point by lower-case vector name, e.g. {@code v(h1_0)}, {@code i(vin0)}. */
    static Map<String, Double> firstPoint(Path raw) throws IOException {
        byte[] bytes = Files.readAllBytes(raw);
        byte[] marker = "Binary:\n".getBytes(StandardCharsets.US_ASCII);
        int start = indexOf(bytes, marker);
        if (start < 0) {
            throw new IOException(raw + " is not a binary ngspice rawfile (no 'Binary:' section)");
        }
        String header = new String(bytes, 0, start, StandardCharsets.US_ASCII);
        String[] lines = header.split("\n");
        int count = -1;
        int varsAt = -1;
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].startsWith("No. Variables:")) {
                count = Integer.parseInt(lines[k].substring(14).trim());
            } else if (lines[k].startsWith("Flags:") && !lines[k].contains("real")) {
                throw new IOException("rawfile holds " + lines[k] + ", expected real data");
            } else if (lines[k].startsWith("Variables:")) {
                varsAt = k + 1;
            }
        }
        if (count < 1 || varsAt < 0) {
            throw new IOException("rawfile header lacks the variable list: " + header);
        }
        // ngspice fwrite()s native doubles; the tests run on the machine that wrote the file.
        ByteBuffer data = ByteBuffer.wrap(bytes, start + marker.length, 8 * count).order(ByteOrder.nativeOrder());
        Map<String, Double> values = new LinkedHashMap<>();
        for (int v = 0; v < count; v++) {
            String[] cols = lines[varsAt + v].trim().split("\\s+");
            values.put(cols[1].toLowerCase(java.util.Locale.ROOT), data.getDouble());
        }
        return values;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
