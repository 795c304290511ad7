package eqspice.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The experiment files shipped with eqspice (the repository's {@code experiments/}, also inside the
 * jar), with the one line each says about itself: for {@code eqspice experiments}.
 */
public final class ShippedExperiments {
    private static final String FOLDER = "/eqspice/experiments";

    private ShippedExperiments() {
    }

    /**
     * One shipped file.
     *
     * @param file        its name in experiments/
     * @param description its {@code description:}
     * @param sweep       whether it has a {@code sweep:} section (run it with {@code eqspice sweep})
     * @param dataset     the data set it needs ({@code eqspice datasets fetch}), or empty
     * @param backend     its {@code simulator.backend}, ngspice when absent
     */
    public record Entry(String file, String description, boolean sweep, String dataset, String backend) {
    }

    /** Every shipped file, by name. */
    public static List<Entry> list() {
        URL url = ShippedExperiments.class.getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException("the shipped experiments are missing from eqspice's class path");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return read(jar.getPath(FOLDER));
                }
            }
            return read(Path.of(url.toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException("cannot list the shipped experiments: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static List<Entry> read(Path folder) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    JsonNode doc = yaml.readTree(in);
                    out.add(new Entry(f.getFileName().toString(), doc.path("description").asText(""),
                            doc.has("sweep"), doc.path("task").path("dataset").path("name").asText(""),
                            doc.path("simulator").path("backend").asText("ngspice")));
                }
            }
        }
        return out;
    }
}
