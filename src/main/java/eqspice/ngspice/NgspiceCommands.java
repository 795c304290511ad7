package eqspice.ngspice;

import eqspice.simulate.SimulatorUnavailableException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Issues ngspice commands for one instance: refuses them once ngspice has exited, refuses
 * commands too long for ngspice (it cuts them at 1023 characters), clears ngspice's growing
 * command history now and then, and adds up the CPU time of the analyses.
 *
 * <p>Only generated or validated text reaches {@link #run}: ngspice has a {@code shell} command.
 */
final class NgspiceCommands {
    private static final int CLEAR_HISTORY_EVERY = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final NgspiceLibrary lib;
    private final NgspiceCallbacks callbacks;
    private int commands;
    /** CPU time inside ngspice's analyses (op, dc), eqspice's callbacks included. */
    private long analysisNanos;

    NgspiceCommands(NgspiceLibrary lib, NgspiceCallbacks callbacks) {
        this.lib = lib;
        this.callbacks = callbacks;
    }

    /** Runs a command, checked: the instance must be alive before and after it. */
    void run(String cmd) {
        checkAlive();
        if (cmd.length() > 1000) {
            throw new IllegalArgumentException("ngspice command longer than 1000 characters");
        }
        lib.ngSpice_Command(cmd); // measured: commands leave the signal handlers alone, only init does not
        if (++commands % CLEAR_HISTORY_EVERY == 0) {
            lib.ngSpice_Command(null); // clears ngspice's growing command history
        }
        if (callbacks.exited()) {
            throw new SimulatorUnavailableException("ngspice exited while running '" + cmd + "'",
                    callbacks.log().lines());
        }
    }

    /** Runs an analysis command ({@code op}, {@code dc}) like {@link #run}, adding up its CPU time. */
    void analysis(String cmd) {
        long t0 = THREADS.getCurrentThreadCpuTime(); // CPU time, as ngspice -b reports its analysis time
        try {
            run(cmd);
        } finally {
            analysisNanos += THREADS.getCurrentThreadCpuTime() - t0;
        }
    }

    /**
     * Runs a fixed housekeeping command ({@code remcirc}, {@code destroy all}) as it is: not
     * counted and not checked, so that it also runs in cleanup after a failure. The caller says
     * whether the instance may still be called.
     */
    void housekeeping(String cmd) {
        lib.ngSpice_Command(cmd);
    }

    /** Refuses every call once ngspice has exited. */
    void checkAlive() {
        if (callbacks.exited()) {
            throw new SimulatorUnavailableException("this ngspice instance has exited; open a new session in a new process",
                    callbacks.log().lines());
        }
    }

    /** Whether any checked command has run since the session opened. */
    boolean anyRun() {
        return commands > 0;
    }

    /** CPU nanoseconds spent inside the analyses since the session opened. */
    long analysisNanos() {
        return analysisNanos;
    }
}
