package eqspice.results;

import eqspice.diagnostics.ConductanceCheck;
import eqspice.diagnostics.PhaseDiagnosis;
import eqspice.diagnostics.PowerBreakdown;
import eqspice.diagnostics.PowerClass;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code eqspice diagnose --out DIR}: the printed tables as CSV (header first, pandas reads them
 * without options): {@code diagnosis.csv}, one row per phase and element class, and
 * {@code diagnosis-conductances.csv}, the PCM-vs-VDM check per conductance.
 */
public final class DiagnosisFiles {
    /** Columns of diagnosis.csv. */
    public static final String[] CLASS_COLUMNS = {"phase", "beta_s", "class", "absorbed_w", "share_of_delivered",
        "co_content_w"};
    /** Columns of diagnosis-conductances.csv. */
    public static final String[] CONDUCTANCE_COLUMNS = {"phase", "element", "g_s", "pcm_v2", "vdm_v2",
        "relative_error"};

    private DiagnosisFiles() {
    }

    /** Writes both files into {@code dir} (created) and returns their paths. */
    public static List<Path> write(Path dir, List<PhaseDiagnosis> phases) throws IOException {
        Files.createDirectories(dir);
        StringWriter classes = new StringWriter();
        StringWriter conductances = new StringWriter();
        try (CSVPrinter c = new CSVPrinter(classes, format(CLASS_COLUMNS));
             CSVPrinter g = new CSVPrinter(conductances, format(CONDUCTANCE_COLUMNS))) {
            for (PhaseDiagnosis d : phases) {
                PowerBreakdown p = d.power();
                for (PowerClass k : PowerClass.values()) {
                    if (p.byClass().containsKey(k)) {
                        c.printRecord(d.phase().label(), d.beta(), k.label(), p.power(k), p.power(k) / p.throughput(),
                                k.hasCoContent() && d.pseudo().known() ? d.pseudo().term(k) : Double.NaN);
                    }
                }
                c.printRecord(d.phase().label(), d.beta(), "amplifier pair net", p.amplifierNet(),
                        p.amplifierNet() / p.throughput(), Double.NaN);
                if (d.variational() != null) {
                    for (ConductanceCheck k : d.variational().checks()) {
                        g.printRecord(d.phase().label(), k.element(), k.siemens(), k.pcm(), k.vdm(), k.relativeError());
                    }
                }
            }
        }
        return List.of(atomically(dir.resolve("diagnosis.csv"), classes.toString()),
                atomically(dir.resolve("diagnosis-conductances.csv"), conductances.toString()));
    }

    private static CSVFormat format(String[] header) {
        return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
    }

    static Path atomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        AtomicFiles.replace(tmp, target);
        return target;
    }
}
