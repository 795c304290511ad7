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
    void metricsRowsAreFlushedAsTheyComeAndCarryProvenance(@TempDir Path dir) throws Exception {
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
        assertTrue(text.startsWith("# eqspice 9.9, commit abc123"), text);
        assertTrue(text.contains("# seed: 42"), text);
        JsonNode prov = RunWriter.JSON.readTree(dir.resolve("provenance.json").toFile());
        assertEquals("ngspice 46 (klu)", prov.at("/provenance/simulator").asText());
        assertEquals(0.5, prov.at("/config/alpha").asDouble());
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                     .get().parse(r)) {
            return p.getRecords();
        }
    }
}
