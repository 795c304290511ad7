package eqspice.ngspice;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Protects the JVM from two process-wide side effects of libngspice, using libc directly
 * (plain function calls, so that {@link NgspiceLibrary} stays the only JNA interface).
 *
 * <ul>
 *   <li><b>Signal handlers.</b> {@code ngSpice_Init} re-installs the handlers of SIGSEGV and
 *   SIGILL with {@code signal()}, which drops {@code SA_SIGINFO}. The JVM relies on SIGSEGV
 *   with siginfo for its implicit null checks; without it the first null check in compiled
 *   code kills the process (measured: a crash in {@code Structure.readField} after a few
 *   hundred solves). The guard snapshots the JVM's handlers before ngspice touches them and
 *   puts them back afterwards.</li>
 *   <li><b>Number locale.</b> ngspice parses numbers with strtod, which follows LC_NUMERIC;
 *   under a decimal-comma locale "1.5" would read as 1. LC_NUMERIC is pinned to "C".</li>
 * </ul>
 * Linux/glibc only; elsewhere both are no-ops.
 */
final class ProcessGuard {
    private static final int LC_NUMERIC_GLIBC = 1;
    /** SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGUSR2, SIGSEGV, SIGPIPE, SIGTERM, SIGXFSZ. */
    private static final int[] SIGNALS = {1, 2, 3, 4, 5, 7, 8, 12, 11, 13, 15, 25};
    /** Larger than glibc's struct sigaction (152 bytes on x86-64); the content is copied opaquely. */
    private static final int SIGACTION_BYTES = 512;

    private final Function sigaction;
    private final Memory[] saved = new Memory[SIGNALS.length];

    private ProcessGuard(Function sigaction) {
        this.sigaction = sigaction;
        if (sigaction != null) {
            for (int k = 0; k < SIGNALS.length; k++) {
                saved[k] = new Memory(SIGACTION_BYTES);
                saved[k].clear();
                sigaction.invokeInt(new Object[] {SIGNALS[k], null, saved[k]});
            }
        }
    }

    /** Snapshots the current (JVM) signal handlers and pins the number locale. */
    static ProcessGuard capture() {
        Function sig = libc("sigaction");
        Function setlocale = libc("setlocale");
        if (setlocale != null) {
            setlocale.invoke(Pointer.class, new Object[] {LC_NUMERIC_GLIBC, "C"});
        }
        return new ProcessGuard(sig);
    }

    private static Function libc(String name) {
        try {
            return Function.getFunction("c", name);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** Puts back every handler captured by {@link #capture()}. Cheap: a dozen system calls. */
    void restore() {
        if (sigaction == null) {
            return;
        }
        for (int k = 0; k < SIGNALS.length; k++) {
            sigaction.invokeInt(new Object[] {SIGNALS[k], saved[k], null});
        }
    }
}
