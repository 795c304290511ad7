package eqspice.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The last line of defence against a Java stack trace on a user's screen: an
 * {@link OutOfMemoryError} anywhere (the command's thread or any other) ends the program with
 * exit code 2 and one line naming the command whose input was too big for the heap and how to
 * give Java more; any other error escaping a background thread is one line too (the trace only
 * with {@code EQSPICE_DEBUG}). Sizes are bounded before allocation wherever eqspice reads
 * them (network limits, file size caps), so this is the case nobody foresaw.
 */
final class FatalErrors {
    private static final int USER_ERROR = 2;

    private FatalErrors() {
    }

    /** Installs the handler of errors that escape any thread. */
    static void install(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                outOfMemory(args, System.err);
            } else {
                System.err.println("eqspice: " + e.getClass().getSimpleName() + " in thread " + thread.getName() + ": "
                        + e.getMessage());
                if (System.getenv("EQSPICE_DEBUG") != null) {
                    e.printStackTrace();
                }
            }
            System.err.flush();
            Runtime.getRuntime().halt(USER_ERROR);
        });
    }

    /** Reports an exhausted heap in one line; returns the exit code. */
    static int outOfMemory(String[] args, PrintStream err) {
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        StringBuilder command = new StringBuilder("eqspice");
        for (int k = 0; k < Math.min(args.length, 3); k++) {
            command.append(' ').append(args[k].replaceAll("\\p{Cntrl}|\\R", "?"));
        }
        err.println(String.format(Locale.ROOT, "eqspice: out of memory: what '%s%s' loads (its network, data or a "
                + "file it reads) is too big for the %d MiB Java heap; make it smaller, or give Java more memory, "
                + "e.g. EQSPICE_JAVA_OPTS=-Xmx%dg", command, args.length > 3 ? " ..." : "", heapMiB,
                Math.max(2, 2 * ((heapMiB + 1023) / 1024))));
        err.flush();
        return USER_ERROR;
    }
}
