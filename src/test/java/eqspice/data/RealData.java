package eqspice.data;

/**
 * Provisions the real data sets for tests through the same code as {@code eqspice datasets
 * fetch} (into {@code $EQSPICE_DATA} or the default cache), so that {@code mvn test} works on a
 * fresh machine.
 */
public final class RealData {
    private RealData() {
    }

    /** The cache, with {@code d} present and valid. */
    public static synchronized DatasetCache ensure(Dataset d) {
        DatasetCache cache = DatasetCache.fromEnvironment();
        new DatasetFetcher(cache, line -> System.out.println("provisioning: " + line)).ensure(d);
        return cache;
    }
}
