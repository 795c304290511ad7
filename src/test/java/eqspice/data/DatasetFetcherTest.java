package eqspice.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning from the Debian package into an empty cache, and repair of a corrupted file. */
class DatasetFetcherTest {
    @Test
    void fetchesIrisIntoAnEmptyCacheAndRefetchesACorruptFile(@TempDir Path dir) throws Exception {
        DatasetCache cache = new DatasetCache(dir.resolve("cache"));
        List<String> log = new ArrayList<>();
        DatasetFetcher fetcher = new DatasetFetcher(cache, log::add);
        fetcher.ensure(Dataset.IRIS);
        Path csv = cache.file(Dataset.IRIS, "iris.csv");
        assertTrue(Files.readString(csv).startsWith("150,4,setosa,versicolor,virginica"));
        try (var files = Files.list(cache.dir(Dataset.IRIS))) {
            assertEquals(List.of(csv), files.toList(), "only the data file is kept, no package, no temporary file");
        }
        assertArrayEquals(new int[] {50, 50, 50}, DatasetFiles.iris(cache).classCounts());

        Files.writeString(csv, "150,4,setosa,versicolor,virginica\n5.1,3.5\n"); // a damaged copy
        log.clear();
        fetcher.ensure(Dataset.IRIS);
        assertTrue(log.get(0).startsWith("iris: cached files are unusable"), log.toString());
        assertEquals(150, DatasetFiles.iris(cache).size());
    }
}
