package eqspice.ngspice;

/** One library instance per test JVM: libngspice cannot be initialised twice in a process. */
public final class SharedSession {
    private static NgspiceSession session;

    private SharedSession() {
    }

    public static synchronized NgspiceSession get() {
        if (session == null) {
            session = new NgspiceSession();
        }
        return session;
    }
}
