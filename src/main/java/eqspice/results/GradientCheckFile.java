package eqspice.results;

import eqspice.eqprop.GradientCheck;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code eqspice gradcheck --out DIR}: the printed table as {@code gradcheck.csv} (header first),
 * one row per estimator and beta, with the per-layer ratio columns {@code ratio_l<k>} (median of
 * estimate / finite difference over the layer's conductances) and {@code spread_l<k>}.
 */
public final class GradientCheckFile {
    private GradientCheckFile() {
    }

    /** Writes gradcheck.csv into {@code dir} (created) and returns its path. */
    public static Path write(Path dir, List<GradientCheck.Row> rows) throws IOException {
        Files.createDirectories(dir);
        int layers = rows.stream().mapToInt(r -> r.layers().size()).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("estimator", "beta_s", "cosine", "relative_error",
                "reference_norm", "estimate_norm", "worst_sample_cosine", "failed_samples"));
        for (int l = 0; l < layers; l++) {
            header.add("ratio_l" + l);
            header.add("spread_l" + l);
        }
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get())) {
            for (GradientCheck.Row r : rows) {
                List<Object> row = new ArrayList<>(List.of(r.estimator().id(), r.beta(), r.cosine(), r.relativeError(),
                        r.referenceNorm(), r.estimateNorm(), r.worstSampleCosine(), r.failedSamples()));
                for (int l = 0; l < layers; l++) {
                    GradientCheck.LayerRatio lr = l < r.layers().size() ? r.layers().get(l) : null;
                    row.add(lr == null ? Double.NaN : lr.median());
                    row.add(lr == null ? Double.NaN : lr.spread());
                }
                p.printRecord(row);
            }
        }
        return DiagnosisFiles.atomically(dir.resolve("gradcheck.csv"), w.toString());
    }
}
