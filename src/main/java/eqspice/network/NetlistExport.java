package eqspice.network;

import eqspice.circuit.Circuit;
import eqspice.circuit.NgspiceWriter;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a layered network as files a hardware designer opens without eqspice: a standalone
 * ngspice netlist {@code <name>.cir} (provenance header, options, {@code .op}, {@code .end};
 * {@code ngspice -b <name>.cir} solves it) and its weights {@code <name>.conductances.csv}
 * with columns {@code layer,i,j,element,g_siemens}.
 *
 * <p>The netlist holds resistances 1/g; the CSV holds the conductances g themselves, each
 * written so that parsing it gives the same double. The header carries no date or host, so
 * the same network always exports to the same bytes and a committed export can be checked
 * by exporting again.
 */
public final class NetlistExport {
    /** CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("layer", "i", "j", "element", "g_siemens");

    /** The seed of the shipped {@code netlists/kiraz-case1.cir}. */
    public static final long KIRAZ_SEED = 1L;

    private static final String NAME = "[a-z0-9][a-z0-9_.-]{0,63}";

    /** The two files of one export. */
    public record Exported(Path netlist, Path conductances) {
    }

    private NetlistExport() {
    }

    /**
     * Writes {@code <name>.cir} and {@code <name>.conductances.csv} into {@code dir} (created if
     * missing), replacing files of the same name.
     *
     * @param name       file name stem: lower-case letters, digits, '_', '.', '-' (no path)
     * @param network    the weights
     * @param x          logical inputs applied by the input sources
     * @param options    solver options written into the netlist
     * @param provenance caller's comment lines (preset, seed, how the weights were made)
     */
    public static Exported write(Path dir, String name, LayeredNetwork network, double[] x, SolverOptions options,
                               List<String> provenance) throws IOException {
        checkName(name);
        Circuit circuit = circuit(name, network, x, options, provenance);
        Files.createDirectories(dir);
        Path cir = dir.resolve(name + ".cir");
        Path csv = dir.resolve(name + ".conductances.csv");
        Files.writeString(cir, NgspiceWriter.write(circuit), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            writeConductances(w, network);
        }
        return new Exported(cir, csv);
    }

    /** Checks an export name (a file name stem) before anything is computed for it. */
    public static String checkName(String name) {
        if (name == null || !name.matches(NAME) || name.contains("..")) {
            throw new IllegalArgumentException("export name '" + name
                    + "' is not allowed; use lower-case letters, digits, '_', '.', '-' (it names files, not paths)");
        }
        return name;
    }

    /** The circuit that {@link #write} writes: the free phase, with the provenance header. */
    public static Circuit circuit(String name, LayeredNetwork network, double[] x, SolverOptions options,
                                  List<String> provenance) {
        NetworkSpec spec = network.spec();
        List<String> header = new ArrayList<>();
        header.add("exported by eqspice (eqspice.network.NetlistExport); solve with: ngspice -b " + name + ".cir");
        header.add("network " + CrossbarCircuit.shape(spec) + ": " + spec.conductanceCount()
                + " conductances, weights in " + name + ".conductances.csv (layer,i,j,element,g_siemens)");
        header.add("each crossbar resistor r{l}_{i}_{j} holds 1/g ohms; inputs x = " + Arrays.toString(x)
                + " V; nudging sources at 0 A (free phase)");
        header.addAll(provenance);
        header.add("solver: " + options.label());
        return new CrossbarCircuit(spec).build(network, x, options, header);
    }

    /** Writes the CSV of a network's conductances: a header row, then one row per conductance, layer by layer, row-major. */
    public static void writeConductances(Appendable out, LayeredNetwork network) throws IOException {
        CrossbarLayout layout = new CrossbarLayout(network.spec());
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (Conductor c : layout.conductors()) {
                double g = network.weights().get(c.layer()).get(c.row(), c.column());
                p.printRecord(c.layer(), c.row(), c.column(), c.element(), SpiceNumber.format("g", g));
            }
        }
    }

    /**
     * The Kiraz et al. case-1 network exported to {@code netlists/}: conductances drawn uniformly
     * from [10 g_min, g_max / 10] with seed {@link #KIRAZ_SEED} (the initialisation an experiment
     * file gets when it gives no {@code training.init}), inputs -2 V / +2 V, default solver options.
     */
    public static Exported writeKirazCase1(Path dir) throws IOException {
        return writeKirazCase1(dir, "kiraz-case1");
    }

    /** The same network written as {@code dir/<name>.cir} and {@code dir/<name>.conductances.csv}. */
    public static Exported writeKirazCase1(Path dir, String name) throws IOException {
        NetworkSpec spec = Presets.kirazCase1();
        double low = 10 * spec.bounds().gMin();
        double high = spec.bounds().gMax() / 10;
        LayeredNetwork net = LayeredNetwork.random(spec, low, high, KIRAZ_SEED);
        return write(dir, name, net, Presets.KIRAZ_CASE1_INPUTS, SolverOptions.DEFAULT,
                List.of("preset kiraz-case1 (Kiraz et al. 2023, case 1): initial conductances uniform in ["
                        + SpiceNumber.format("low", low) + ", " + SpiceNumber.format("high", high)
                        + "] S, seed " + KIRAZ_SEED));
    }

    /** Regenerates the shipped reference export: {@code java eqspice.network.NetlistExport netlists}. */
    public static void main(String[] args) {
        try {
            Exported f = writeKirazCase1(Path.of(args.length > 0 ? args[0] : "netlists"));
            System.out.println("wrote " + f.netlist() + " and " + f.conductances());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
