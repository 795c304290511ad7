package eqspice.ngspice;

import eqspice.simulate.SimulatorUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds libngspice: {@code EQSPICE_NGSPICE_LIB} (an absolute path) if set, else the standard
 * Debian locations. Debian installs only {@code libngspice.so.0}, so the library is always
 * loaded by absolute path, never by JNA's name search.
 */
public final class LibraryLocator {
    /** Environment variable naming the library file. */
    public static final String ENV = "EQSPICE_NGSPICE_LIB";

    private static final List<String> STANDARD = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib");

    private LibraryLocator() {
    }

    /** The library's absolute path, or a {@link SimulatorUnavailableException} saying how to get one. */
    public static Path locate() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!p.isAbsolute() || !Files.isRegularFile(p)) {
                throw new SimulatorUnavailableException(ENV + "=" + env + " is not an absolute path to a file; "
                        + "point it at libngspice.so.0 or unset it", List.of());
            }
            return p;
        }
        for (String dir : STANDARD) {
            for (String name : List.of("libngspice.so.0", "libngspice.so")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new SimulatorUnavailableException("libngspice not found: run ngspice-native/install.sh (as root) or set "
                + ENV + " to the library's absolute path", List.of());
    }

    /** Libraries with an open session in this process: ngspice's state is global per loaded library. */
    private static final java.util.Set<Path> IN_USE = new java.util.HashSet<>();

    /** Marks a library as driven by a session; false when another session of this process has it. */
    static boolean claim(Path library) {
        synchronized (IN_USE) {
            return IN_USE.add(library.toAbsolutePath().normalize());
        }
    }

    /** Frees a library claimed by {@link #claim}. */
    static void release(Path library) {
        synchronized (IN_USE) {
            IN_USE.remove(library.toAbsolutePath().normalize());
        }
    }
}
