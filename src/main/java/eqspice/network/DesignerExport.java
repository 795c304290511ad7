package eqspice.network;

import eqspice.circuit.Circuit;
import eqspice.circuit.LibraryFile;
import eqspice.circuit.NgspiceWriter;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNumber;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A self-contained folder for a hardware designer, at one {@link Fidelity}: the top netlist
 * {@code <name>.cir} (inputs of one sample as sources, options, {@code .op}), the network as a
 * parameterised subcircuit in {@code <name>.lib} ({@link NetworkSubcircuit}) with a
 * {@code testbench.cir} that runs every sample through it ({@link SubcircuitTestbench}), the
 * library files they include under {@code lib/} (relative paths only, so the folder can be moved), the
 * programmed conductances ({@code conductances.csv}), the devices' conductances after
 * device-to-device variation when there is any ({@code device_conductances.csv}) and a
 * {@code README.md} that says how to run it, what the nodes are, what to probe and how the
 * outputs map to the task's targets.
 */
public final class DesignerExport {
    private static final String NAME = "[a-z0-9][a-z0-9_-]{0,63}";

    /** What the export wrote. */
    public record Exported(Path dir, Path netlist, Path library, Path testbench, List<Path> files) {
    }

    /**
     * What the export describes besides the network.
     *
     * @param name        file stem of the netlist
     * @param x           the sample's inputs (V)
     * @param y           the sample's targets (V)
     * @param tolerance   an output is correct within this of its target (V)
     * @param harness     the outputs V(op{k}) - V(om{k}) eqspice's own solve gave for this netlist, or null
     * @param readout     how to read the outputs as the task's labels, in words (may be empty)
     * @param provenance  comment lines for the netlist header (how the weights were made)
     * @param samples     every sample of the task, with eqspice's outputs, for the testbench
     */
    public record Sheet(String name, double[] x, double[] y, double tolerance, double[] harness, String readout,
                        List<String> provenance, SubcircuitTestbench.Samples samples) {
        /** A sheet whose testbench drives only the netlist's own sample. */
        public Sheet(String name, double[] x, double[] y, double tolerance, double[] harness, String readout,
                     List<String> provenance) {
            this(name, x, y, tolerance, harness, readout, provenance, new SubcircuitTestbench.Samples(List.of(x),
                    List.of(y), harness == null ? null : java.util.Collections.singletonList(harness), tolerance));
        }

        public Sheet {
            if (name == null || !name.matches(NAME)) {
                throw new IllegalArgumentException("export name '" + name
                        + "' is not allowed; use lower-case letters, digits, '_', '-' (it names the netlist file)");
            }
            provenance = List.copyOf(provenance);
            readout = readout == null ? "" : readout;
        }

        /** How a task's targets are read: a threshold between two target values, or the largest output. */
        public static String readout(List<double[]> targets) {
            if (targets.get(0).length > 1) {
                return "One output per class: the predicted class is the output k with the largest V(op{k}) - V(om{k}).";
            }
            java.util.TreeSet<Double> values = new java.util.TreeSet<>();
            targets.forEach(t -> values.add(t[0]));
            if (values.size() == 2) {
                double lo = values.first();
                double hi = values.last();
                return String.format(Locale.ROOT, "The task's targets are %s V and %s V: read the label as %s when "
                        + "V(op0) - V(om0) is above %s V, else %s.", lo, hi, hi, (lo + hi) / 2, lo);
            }
            return "The task's target values are " + values + " V: read the label as the target nearest to V(op0) - V(om0).";
        }
    }

    private DesignerExport() {
    }

    /** The circuit the folder's netlist holds (libraries are written as includes). */
    public static Circuit circuit(LayeredNetwork network, Fidelity fidelity, Sheet sheet, SolverOptions options) {
        NetworkSpec spec = network.spec();
        List<String> header = new ArrayList<>();
        header.add("exported by eqspice (eqspice.network.DesignerExport); solve with: ngspice -b " + sheet.name() + ".cir");
        header.add("network " + CrossbarCircuit.shape(spec) + ", " + spec.conductanceCount() + " crossbar devices; see README.md");
        header.add("fidelity " + fidelity.label());
        header.add("inputs x = " + Arrays.toString(sheet.x()) + " V; nudging sources at 0 A (free phase)");
        header.addAll(sheet.provenance());
        header.add("solver: " + options.label());
        return new CrossbarCircuit(spec, fidelity).build(network, sheet.x(), options, header);
    }

    /** Writes the folder {@code dir} (created if missing; files of the same names are replaced). */
    public static Exported write(Path dir, LayeredNetwork network, Fidelity fidelity, Sheet sheet, SolverOptions options)
            throws IOException {
        Circuit c = circuit(network, fidelity, sheet, options);
        CrossbarCircuit builder = new CrossbarCircuit(network.spec(), fidelity);
        Files.createDirectories(dir.resolve("lib"));
        List<Path> files = new ArrayList<>();
        Path cir = dir.resolve(sheet.name() + ".cir");
        Files.writeString(cir, NgspiceWriter.write(c, NgspiceWriter.Libraries.INCLUDE), StandardCharsets.UTF_8);
        files.add(cir);
        for (LibraryFile lib : c.libraries()) {
            Path p = dir.resolve(lib.includePath());
            Files.writeString(p, String.join("\n", lib.lines()) + "\n", StandardCharsets.UTF_8);
            files.add(p);
        }
        Path csv = dir.resolve("conductances.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            NetlistExport.writeConductances(w, network);
        }
        files.add(csv);
        if (fidelity.varied()) {
            // Same columns as conductances.csv; the values are what the devices in the netlist really conduct.
            Path dev = dir.resolve("device_conductances.csv");
            double[] f = builder.variationFactors();
            List<Conductor> all = builder.layout().conductors();
            try (Writer w = Files.newBufferedWriter(dev, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader(NetlistExport.CSV_COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get())) {
                for (int k = 0; k < all.size(); k++) {
                    Conductor c0 = all.get(k);
                    double g = network.weights().get(c0.layer()).get(c0.row(), c0.column()) * f[k];
                    p.printRecord(c0.layer(), c0.row(), c0.column(), c0.element(), SpiceNumber.format("g", g));
                }
            }
            files.add(dev);
        }
        NetworkSubcircuit sub = new NetworkSubcircuit(sheet.name(), network, fidelity);
        Path library = dir.resolve(sheet.name() + ".lib");
        Files.writeString(library, lines(sub.libraryLines(library.getFileName().toString(),
                libraryHeader(fidelity, sheet))), StandardCharsets.UTF_8);
        files.add(library);
        Path testbench = dir.resolve(SubcircuitTestbench.FILE);
        List<String> tbHeader = new ArrayList<>(List.of("fidelity " + fidelity.label()));
        tbHeader.addAll(sheet.provenance());
        Files.writeString(testbench, lines(SubcircuitTestbench.lines(sub, library.getFileName().toString(),
                sheet.samples(), options, tbHeader)), StandardCharsets.UTF_8);
        files.add(testbench);
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, DesignerReadme.text(network.spec(), fidelity, sheet, c), StandardCharsets.UTF_8);
        files.add(readme);
        return new Exported(dir, cir, library, testbench, files);
    }

    private static List<String> libraryHeader(Fidelity fidelity, Sheet sheet) {
        List<String> h = new ArrayList<>();
        h.add("fidelity " + fidelity.label());
        h.addAll(sheet.provenance());
        return h;
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    static String volts(double v) {
        return String.format(Locale.ROOT, "%.6g V", v);
    }
}
