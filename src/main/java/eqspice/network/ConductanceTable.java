package eqspice.network;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a conductance table ({@code layer,i,j,element,g_siemens}, as {@link NetlistExport#writeConductances}
 * writes it) back into a network of a given spec. Every row must name the element the layout
 * gives its position, and every conductance must be present once: a table of another network
 * is refused with the file, the row and what differs.
 */
public final class ConductanceTable {
    private ConductanceTable() {
    }

    /** The network whose conductances {@code csv} holds. */
    public static LayeredNetwork read(Path csv, NetworkSpec spec) throws IOException {
        CrossbarLayout layout = new CrossbarLayout(spec);
        List<double[]> values = new ArrayList<>();
        for (int l = 0; l < spec.weightLayers(); l++) {
            values.add(new double[spec.rows(l) * spec.columns(l)]);
        }
        boolean[] seen = new boolean[spec.conductanceCount()];
        int count = 0;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (!p.getHeaderNames().equals(NetlistExport.CSV_COLUMNS)) {
                throw new IllegalArgumentException(csv + ": columns must be " + NetlistExport.CSV_COLUMNS + ", got "
                        + p.getHeaderNames());
            }
            for (CSVRecord row : p) {
                String where = csv + " line " + (row.getRecordNumber() + 1);
                try {
                    int l = Integer.parseInt(row.get("layer"));
                    int i = Integer.parseInt(row.get("i"));
                    int j = Integer.parseInt(row.get("j"));
                    double g = Double.parseDouble(row.get("g_siemens"));
                    if (l < 0 || l >= spec.weightLayers() || i < 0 || i >= spec.rows(l) || j < 0 || j >= spec.columns(l)) {
                        throw new IllegalArgumentException("(" + l + "," + i + "," + j + ") is not a conductance of the "
                                + CrossbarCircuit.shape(spec) + " network");
                    }
                    if (!layout.resistor(l, i, j).equals(row.get("element"))) {
                        throw new IllegalArgumentException("element must be " + layout.resistor(l, i, j));
                    }
                    int flat = offset(spec, l) + i * spec.columns(l) + j;
                    if (seen[flat]) {
                        throw new IllegalArgumentException(row.get("element") + " is given twice");
                    }
                    seen[flat] = true;
                    count++;
                    values.get(l)[i * spec.columns(l) + j] = g;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": not a number: " + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        }
        if (count != spec.conductanceCount()) {
            throw new IllegalArgumentException(csv + ": holds " + count + " conductances, the network has "
                    + spec.conductanceCount());
        }
        List<ConductanceMatrix> weights = new ArrayList<>();
        for (int l = 0; l < spec.weightLayers(); l++) {
            weights.add(ConductanceMatrix.of(spec.rows(l), spec.columns(l), values.get(l)));
        }
        return new LayeredNetwork(spec, weights);
    }

    private static int offset(NetworkSpec spec, int layer) {
        int n = 0;
        for (int l = 0; l < layer; l++) {
            n += spec.rows(l) * spec.columns(l);
        }
        return n;
    }
}
