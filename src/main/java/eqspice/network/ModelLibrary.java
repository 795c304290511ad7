package eqspice.network;

import eqspice.circuit.LibraryFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eqspice's own library files ({@code netlists/lib/}, packed into the jar under
 * {@code eqspice/lib/}). Only these names can be loaded: no path from outside decides what a
 * circuit includes.
 */
public final class ModelLibrary {
    /** The 1N4148 diode model. */
    public static final String DIODES = "eqs_diodes.lib";
    /** The behavioural op-amp amplifier. */
    public static final String BEHAVIOURAL_AMPLIFIER = "eqs_amp_behavioural.lib";
    /** The CMOS op-amp amplifier and its MOSFET model cards. */
    public static final String CMOS_AMPLIFIER = "eqs_amp_cmos.lib";
    /** Every library file. */
    public static final List<String> FILES = List.of(DIODES, BEHAVIOURAL_AMPLIFIER, CMOS_AMPLIFIER);

    /** Model name of the 1N4148 in {@link #DIODES}. */
    public static final String D1N4148 = "d1n4148";
    /** Subcircuit names. */
    public static final String BEHAVIOURAL_SUBCKT = "eqs_amp_beh";
    public static final String CMOS_SUBCKT = "eqs_amp_cmos";

    private static final Map<String, LibraryFile> CACHE = new ConcurrentHashMap<>();

    private ModelLibrary() {
    }

    /** One of {@link #FILES}. */
    public static LibraryFile get(String fileName) {
        if (!FILES.contains(fileName)) {
            throw new IllegalArgumentException("'" + fileName + "' is not one of eqspice's library files " + FILES);
        }
        return CACHE.computeIfAbsent(fileName, ModelLibrary::read);
    }

    private static LibraryFile read(String fileName) {
        try (InputStream in = ModelLibrary.class.getResourceAsStream("/eqspice/lib/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("the library file " + fileName + " is missing from the jar");
            }
            return new LibraryFile(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
