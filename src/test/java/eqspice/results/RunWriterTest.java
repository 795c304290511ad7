package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eqspice.train.EpochMetrics;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWriterTest {
    private static final Provenance PROV = new Provenance("9.9", "abc123", false, "ngspice 46 (klu)", "/lib/x.so",
            "klu reltol=0.001", 42, "experiments/k.yaml", "ff00", "17", "2026-01-01T00:00:00Z");

    @Test
    void metricsRowsAreFlushedAsTheyComeAndProvenanceIsBesideThem(@TempDir Path dir) throws Exception {
        try (RunWriter w = new RunWriter(dir, PROV, Map.of("alpha", 0.5))) {
            w.epoch(new EpochMetrics(1, 0.25, 0.5, 0.0, 2, 4, 1e-6, 1e-3, 0.01));
            // Read back before close: a killed run must keep every finished epoch.
            List<CSVRecord> rows = read(dir.resolve("metrics.csv"));
            assertEquals(1, rows.size());
            assertEquals(0.25, Double.parseDouble(rows.get(0).get("loss_v2")));
            assertEquals("2", rows.get(0).get("failed_phases"));
            w.epoch(new EpochMetrics(2, 0.125, 0.25, 1.0, 0, 4, 2e-6, 9e-4, 0.01));
        }
        List<CSVRecord> rows = read(dir.resolve("metrics.csv"));
        assertEquals(2, rows.size());
        assertEquals(9e-4, Double.parseDouble(rows.get(1).get("g_max_s")));
        String text = Files.readString(dir.resolve("metrics.csv"));
        assertTrue(text.startsWith("epoch,loss_v2,"), "the header is the first line, for pandas and R: " + text);
        assertTrue(!text.contains("#"), text);
        JsonNode prov = RunWriter.JSON.readTree(dir.resolve("provenance.json").toFile());
        assertEquals("ngspice 46 (klu)", prov.at("/provenance/simulator").asText());
        assertEquals(0.5, prov.at("/config/alpha").asDouble());
    }

    @Test
    void classificationColumnsBaselineCsvAndSummaryAccuracies(@TempDir Path dir) throws Exception {
        var base = new eqspice.baseline.BaselineTrainer.Result(List.of(
                new eqspice.baseline.BaselineTrainer.Epoch(1, 0.3, 0.5, 0.6, 0.25, 0.01),
                new eqspice.baseline.BaselineTrainer.Epoch(2, 0.2, 0.7, 0.8, 0.15, 0.01)), 83, 0.02);
        EpochMetrics e1 = new EpochMetrics(1, 0.25, 0.5, 0.0, 0, 4, 1e-6, 1e-3, 3.0)
                .withDiagnostics(Map.of("train_accuracy", 0.5, "test_accuracy", 0.9, "test_loss_v2", 0.2));
        EpochMetrics e2 = new EpochMetrics(2, 0.2, 0.5, 0.0, 0, 4, 1e-6, 1e-3, 1.0)
                .withDiagnostics(Map.of("train_accuracy", 0.75, "test_accuracy", 0.85, "test_loss_v2", 0.1));
        try (RunWriter w = new RunWriter(dir, PROV, Map.of(), eqspice.train.Accuracy.COLUMNS)) {
            w.baseline(base);
            w.epoch(e1);
            w.epoch(e2);
            w.summary(new eqspice.train.TrainingResult(eqspice.network.LayeredNetwork.uniform(
                    eqspice.network.Presets.kirazCase1(), 1e-4), List.of(e1, e2), false, -1, 0, 4.0, "", Map.of()));
        }
        List<CSVRecord> rows = read(dir.resolve("metrics.csv"));
        assertEquals("0.85", rows.get(1).get("test_accuracy"));
        assertEquals("0.75", rows.get(1).get("train_accuracy"));
        assertEquals("0.0", rows.get(1).get("correct_fraction"), "the existing columns stay");
        List<CSVRecord> b = read(dir.resolve("baseline.csv"));
        assertEquals(List.of(RunWriter.BASELINE_COLUMNS), b.get(0).getParser().getHeaderNames());
        assertEquals("0.8", b.get(1).get("test_accuracy"));
        JsonNode s = RunWriter.JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals(0.85, s.get("test_accuracy").asDouble());
        assertEquals(0.9, s.get("best_test_accuracy").asDouble());
        assertEquals(2.0, s.get("seconds_per_epoch").asDouble(), "median of 1 s and 3 s");
        assertEquals(0.8, s.at("/baseline/test_accuracy").asDouble());
        assertEquals(83, s.at("/baseline/parameters").asInt());
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                     .get().parse(r)) {
            return p.getRecords();
        }
    }
}
