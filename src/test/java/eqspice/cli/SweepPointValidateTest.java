package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eqspice.diagnostics.FidelityValidation;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.ConductanceTable;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.ngspice.SharedSession;
import eqspice.task.Sample;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep point's folder is validatable: a two-point sweep on real ngspice, then
 * {@code eqspice validate} of one point, whose ideal level must reproduce what the sweep
 * recorded for that point's trained network (its summary.json's final_network), and not what
 * the sweep file's base experiment would give.
 */
class SweepPointValidateTest {
    /** The two points differ in the amplifiers' forward gain, which changes the circuit validate builds. */
    private static final String YAML = "name: sweepxor\nnetwork:\n  preset: custom\n  inputs: 2\n  hidden: [3]\n"
            + "  outputs: 1\n  activation:\n    upper_bias: 0.05\n    lower_bias: -0.05\ntask:\n  name: xor\n"
            + "training:\n  alpha: 3.0e-8\n  beta: 1.0e-6\n  epochs: 3\n  seed: 2\n  init: [1.0e-5, 1.0e-4]\n"
            + "solver:\n  reltol: 1.0e-7\n  vntol: 1.0e-9\n"
            + "fidelity:\n  variation: 0.1\n"
            + "sweep:\n  network.amplifier.forward: [4.0, 2.0]\n";
    /** Outputs of two ngspice solves of the same circuit at reltol 1e-7 (one through external sources) agree to this. */
    private static final double SOLVER_V = 1e-7;

    @Test
    void aSweepPointValidatesAsTheNetworkItTrained(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), YAML);
        CliProcess.Result sweep = CliProcess.run(dir, "sweep", "sw.yaml", "--workers", "1", "--out", "sw");
        assertEquals(0, sweep.exitCode(), sweep.out() + sweep.err());
        Map<String, CSVRecord> rows = points(dir.resolve("sw/points.csv"));
        assertEquals(2, rows.size());
        String id = null;
        for (CSVRecord r : rows.values()) {
            assertEquals("ok", r.get("status"), r.toString());
            if (r.get("network.amplifier.forward").equals("2.0")) {
                id = r.get("point_id");
            }
        }
        Path point = dir.resolve("sw/points").resolve(id);
        for (String f : List.of("experiment.yaml", "conductances.csv", "summary.json", "metrics.csv")) {
            assertTrue(Files.isRegularFile(point.resolve(f)), f);
        }
        try (var files = Files.list(point)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList(), "no temporary files left");
        }

        // What the sweep recorded for this point: its trained network scored after the last update.
        JsonNode recorded = new ObjectMapper().readTree(point.resolve("summary.json").toFile()).get("final_network");
        double recordedLoss = recorded.get("loss_v2").asDouble();
        double recordedMae = recorded.get("mean_abs_error_v").asDouble();
        double recordedCorrect = recorded.get("correct_fraction").asDouble();
        assertEquals(4, recorded.get("samples").asInt());
        assertEquals(0, recorded.get("failures").asInt());

        // validate on the command line: its ideal accuracy is the recorded one.
        CliProcess.Result v = CliProcess.run(dir, "validate", "sw/points/" + id);
        assertEquals(0, v.exitCode(), v.out() + v.err());
        List<String> table = Files.readAllLines(point.resolve("validation.csv"));
        assertTrue(table.get(1).startsWith("ideal,"), table.toString());
        assertEquals(recordedCorrect, Double.parseDouble(table.get(1).split(",")[1]), 1e-12, table.get(1));
        assertEquals(4, table.size(), "ideal, behavioural, transistor: " + table);

        // The ideal outputs validate computes from the folder give the recorded loss and error,
        // recomputed here from the outputs, sample by sample.
        Experiment exp = ExperimentLoader.load(point.resolve("experiment.yaml"));
        assertEquals(2.0, exp.config().spec().amplifier().orElseThrow().forwardGain(), "the point's gain, not the base's 4");
        LayeredNetwork net = ConductanceTable.read(point.resolve("conductances.csv"), exp.config().spec());
        List<double[]> ideal = idealOutputs(exp, net);
        assertEquals(recordedLoss, lossOf(exp, ideal), SOLVER_V, "loss of the ideal outputs");
        assertEquals(recordedMae, maeOf(exp, ideal), SOLVER_V, "mean |y - o| of the ideal outputs");

        // The check has teeth: the base experiment (gain 4) with the same conductances
        // is a different circuit with different outputs.
        Experiment base = ExperimentLoader.parse(dir.resolve("base.yaml"),
                YAML.substring(0, YAML.indexOf("sweep:")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        double baseMae = maeOf(base, idealOutputs(base, ConductanceTable.read(point.resolve("conductances.csv"),
                base.config().spec())));
        assertTrue(Math.abs(baseMae - recordedMae) > 1000 * SOLVER_V,
                "the base experiment gives " + baseMae + " V, the point " + recordedMae + " V");
    }

    @Test
    void aResumedPointWritesItsFilesAgain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), YAML);
        assertEquals(0, CliProcess.run(dir, "sweep", "sw.yaml", "--workers", "1", "--out", "sw").exitCode());
        Path csv = dir.resolve("sw/points.csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), lines.toString());
        String lostId = lines.get(2).split(",")[0];
        Path lost = dir.resolve("sw/points").resolve(lostId);
        String conductances = Files.readString(lost.resolve("conductances.csv"));
        String experiment = Files.readString(lost.resolve("experiment.yaml"));
        // As if the sweep was killed after the point wrote its files but before its row reached points.csv.
        Files.write(csv, lines.subList(0, 2));
        Files.writeString(lost.resolve("conductances.csv"), "layer,i,j,element,g_siemens\n");
        CliProcess.Result again = CliProcess.run(dir, "sweep", "sw.yaml", "--workers", "1", "--out", "sw");
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertEquals(3, Files.readAllLines(csv).size());
        assertEquals(conductances, Files.readString(lost.resolve("conductances.csv")), "the same seed trains the same network");
        assertEquals(experiment, Files.readString(lost.resolve("experiment.yaml")));
    }

    private static List<double[]> idealOutputs(Experiment exp, LayeredNetwork net) {
        List<FidelityValidation.LevelResult> levels = FidelityValidation.run(SharedSession.get(), net,
                exp.config().task(), exp.fidelity(), exp.config().solver(), false);
        assertEquals(Fidelity.Level.IDEAL, levels.get(0).fidelity().level());
        return levels.get(0).outputs();
    }

    private static double lossOf(Experiment exp, List<double[]> outputs) {
        double sum = 0;
        List<Sample> samples = exp.config().task().samples();
        for (int s = 0; s < samples.size(); s++) {
            double d = samples.get(s).y()[0] - outputs.get(s)[0];
            sum += 0.5 * d * d;
        }
        return sum / samples.size();
    }

    private static double maeOf(Experiment exp, List<double[]> outputs) {
        double sum = 0;
        List<Sample> samples = exp.config().task().samples();
        for (int s = 0; s < samples.size(); s++) {
            sum += Math.abs(samples.get(s).y()[0] - outputs.get(s)[0]);
        }
        return sum / samples.size();
    }

    private static Map<String, CSVRecord> points(Path csv) throws Exception {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                rows.put(rec.get("point_id"), rec);
            }
        }
        return rows;
    }
}
