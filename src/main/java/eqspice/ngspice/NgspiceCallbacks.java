package eqspice.ngspice;

/**
 * The callbacks one libngspice instance calls back into, and what they capture: the printed
 * lines ({@link NgspiceLog}), each simulation point's values ({@link PointCollector}), the
 * EXTERNAL source values ngspice asks for ({@link ExternalSources}), and whether ngspice has
 * exited.
 *
 * <p>Every callback is a field and the session holds this object for the library's lifetime:
 * ngspice keeps the function pointers it is given at init, and JNA frees a callback whose Java
 * object is collected, so ngspice would then jump into freed memory.
 */
final class NgspiceCallbacks {
    private final NgspiceLog log = new NgspiceLog();
    private final PointCollector collector = new PointCollector();
    /** EXTERNAL source values; holds the GetVSRCData/GetISRCData callbacks. */
    private final ExternalSources externals = new ExternalSources();
    private volatile boolean dead;

    private final NgspiceLibrary.SendChar sendChar = (text, id, user) -> {
        log.add(text);
        return 0;
    };
    private final NgspiceLibrary.SendStat sendStat = (status, id, user) -> 0;
    private final NgspiceLibrary.ControlledExit controlledExit = (status, immediate, quit, id, user) -> {
        dead = true;
        log.add("ngspice exited with status " + status);
        return status;
    };
    private final NgspiceLibrary.SendData sendData = (values, count, id, user) -> {
        collector.addPoint(values);
        return 0;
    };
    private final NgspiceLibrary.SendInitData sendInitData = (info, id, user) -> 0;
    private final NgspiceLibrary.BGThreadRunning bgRunning = (notRunning, id, user) -> 0;

    /** Hands every callback to a freshly loaded library ({@code ngSpice_Init}, {@code ngSpice_Init_Sync}). */
    void register(NgspiceLibrary lib) {
        lib.ngSpice_Init(sendChar, sendStat, controlledExit, sendData, sendInitData, bgRunning, null);
        lib.ngSpice_Init_Sync(externals.vsrc, externals.isrc, null, null, null);
    }

    /** What ngspice printed since the log was last cleared. */
    NgspiceLog log() {
        return log;
    }

    /** The values SendData handed over. */
    PointCollector collector() {
        return collector;
    }

    /** The loaded circuit's EXTERNAL sources. */
    ExternalSources externals() {
        return externals;
    }

    /** Whether ngspice has called ControlledExit: the instance is gone for this process. */
    boolean exited() {
        return dead;
    }
}
