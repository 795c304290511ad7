package eqspice.bench;

import eqspice.circuit.Circuit;
import eqspice.circuit.NgspiceWriter;
import eqspice.ngspice.NgspiceProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline every benchmark compares against: the {@code ngspice -b} program solving the
 * same netlist, with {@code .options acct} so that it prints its own analysis time (the solve
 * without process start and parsing).
 *
 * @param analysisSeconds median analysis time ngspice reports
 * @param wallSeconds     median wall time of the whole program run
 */
public record BatchBaseline(double analysisSeconds, double wallSeconds) {
    private static final Pattern ANALYSIS = Pattern.compile("Total analysis time \\(seconds\\) = ([0-9.eE+-]+)");

    /** Runs {@code ngspice -b} {@code runs} times on the circuit's netlist. */
    public static BatchBaseline measure(Circuit circuit, int runs) throws IOException {
        List<String> lines = new ArrayList<>(NgspiceWriter.lines(circuit, true));
        lines.add(lines.size() - 1, ".options acct");
        Path file = Files.createTempFile("eqspice-bench", ".cir");
        try {
            Files.write(file, lines);
            double[] analysis = new double[runs];
            double[] wall = new double[runs];
            for (int k = 0; k < runs; k++) {
                NgspiceProgram.BatchRun r = NgspiceProgram.batch(file, 600);
                analysis[k] = r.output().stream().map(ANALYSIS::matcher).filter(Matcher::find)
                        .mapToDouble(m -> Double.parseDouble(m.group(1))).findFirst()
                        .orElseThrow(() -> new IOException("ngspice -b printed no analysis time:\n"
                                + String.join("\n", r.output().subList(0, Math.min(20, r.output().size())))));
                wall[k] = r.seconds();
            }
            return new BatchBaseline(BenchStats.median(analysis), BenchStats.median(wall));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
