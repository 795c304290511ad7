package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eqspice report} on a tiny real sweep with a {@code study:} section (embedded backend, 16
 * points of 30 epochs): the report's converged fractions, their 95 % Wilson intervals and the
 * outcome counts per beta are recomputed here from points.csv and must appear as the report states them.
 */
class ReportCommandTest {
    private static final double Z = 1.959963984540054;

    @Test
    void reportNumbersAgreeWithPointsCsv(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), "name: s\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
                + "simulator:\n  backend: embedded\n"
                + "training:\n  alpha: 1.0e-9\n  beta: 1.0e-6\n  epochs: 30\n  init: [1.0e-5, 1.0e-4]\n"
                + "study:\n  attribution: true\n"
                + "sweep:\n  training.alpha: [2.0e-10, 1.0e-8]\n  training.beta: [1.0e-6, 1.0e-2]\n"
                + "  training.estimator: [positive, centered]\n  training.seed: {count: 2}\n");
        CliProcess.Result sweep = CliProcess.run(dir, "sweep", "s.yaml", "--workers=1");
        assertEquals(0, sweep.exitCode(), sweep.err());
        CliProcess.Result r = CliProcess.run(dir, "report", "results/s");
        assertEquals(0, r.exitCode(), r.err());
        Path report = dir.resolve("results/s/report/report.md");
        assertTrue(r.out().contains("report.md"), r.out());
        String md = Files.readString(report);

        List<CSVRecord> rows = new ArrayList<>();
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("results/s/points.csv")))) {
            p.forEach(rows::add);
        }
        assertEquals(16, rows.size());
        String converged = section(md, "## Converged fraction", "## Where");
        String failing = section(md, "## Where", "Mechanisms per outcome");
        TreeSet<String> outcomes = new TreeSet<>();
        rows.forEach(x -> outcomes.add(x.get("outcome")));
        for (String est : List.of("positive", "centered")) {
            String conv = section(converged, "### " + est, null);
            for (String[] alpha : List.of(new String[] {"2.0E-10", "2e-10"}, new String[] {"1.0E-8", "1e-8"})) {
                StringBuilder line = new StringBuilder("| " + alpha[1] + " |");
                for (String beta : List.of("1.0E-6", "0.01")) {
                    List<CSVRecord> cell = rows.stream().filter(x -> x.get("training.estimator").equals(est)
                            && x.get("training.alpha").equals(alpha[0]) && x.get("training.beta").equals(beta)).toList();
                    assertEquals(2, cell.size(), "two seeds per cell");
                    long k = cell.stream().filter(x -> x.get("converged").equals("true")).count();
                    line.append(' ').append(wilsonText(k, cell.size())).append(" |");
                }
                assertTrue(conv.contains(line.toString() + "\n"), "expected " + line + " in\n" + conv);
            }
            String fail = section(failing, "### " + est, null);
            for (String[] beta : List.of(new String[] {"1.0E-6", "1e-6"}, new String[] {"0.01", "1e-2"})) {
                List<CSVRecord> in = rows.stream().filter(x -> x.get("training.estimator").equals(est)
                        && x.get("training.beta").equals(beta[0])).toList();
                StringBuilder line = new StringBuilder("| " + beta[1] + " |");
                for (String o : outcomes) {
                    line.append(' ').append(in.stream().filter(x -> x.get("outcome").equals(o)).count())
                            .append('/').append(in.size()).append(" |");
                }
                assertTrue(fail.contains(line.toString() + "\n"), "expected " + line + " in\n" + fail);
            }
        }
        // the paper's alpha 5e-10: of 2e-10 and 1e-8 the closer on a log scale is 2e-10
        assertTrue(md.contains("at alpha 2e-10 S²/V², the sweep's value closest"), md);
        for (String png : List.of("kiraz-fig2-positive.png", "kiraz-fig2-centered.png", "examples-per-outcome.png",
                "converged-fraction-positive.png")) {
            assertTrue(md.contains("(" + png + ")"), png);
            BufferedImage img = ImageIO.read(dir.resolve("results/s/report").resolve(png).toFile());
            assertTrue(img.getWidth() >= 900, png);
        }
    }

    @Test
    void aBadFolderGetsOneLineAndExitTwo(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("report", dir.resolve("nowhere").toString());
        assertEquals(2, code);
        String text = err.toString().strip();
        assertFalse(text.contains("\n"), text);
        assertTrue(text.contains("no such folder"), text);
        assertFalse(text.contains("Exception"), text);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("report", "--help"));
        assertTrue(out.toString().contains("RESULTS_DIR"), out.toString());
    }

    /** k/n with the 95 % Wilson score interval, computed here from its textbook form. */
    private static String wilsonText(long k, int n) {
        double p = k / (double) n;
        double lo = (p + Z * Z / (2 * n) - Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n))) / (1 + Z * Z / n);
        double hi = (p + Z * Z / (2 * n) + Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n))) / (1 + Z * Z / n);
        return String.format(Locale.ROOT, "%d/%d (%.2f-%.2f)", k, n, Math.max(0, lo), Math.min(1, hi));
    }

    private static String section(String text, String from, String to) {
        int a = text.indexOf(from);
        assertTrue(a >= 0, "no " + from + " in\n" + text);
        int b = to == null ? text.indexOf("\n### ", a + from.length()) : text.indexOf(to, a);
        return text.substring(a, b < 0 ? text.length() : b);
    }
}
