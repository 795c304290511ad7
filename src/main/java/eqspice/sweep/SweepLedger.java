package eqspice.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eqspice.results.AtomicFiles;
import eqspice.results.IoFailures;
import eqspice.results.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A sweep's {@code provenance.json}: what ran it (provenance of the first session), the
 * experiment's hash, and one entry per session (start, end, workers, cores, points run).
 * A resumed sweep must be the same experiment: a changed file is refused, since finished
 * points would silently mix two configurations.
 */
public final class SweepLedger {
    private static final long MAX_LEDGER_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ObjectNode doc;
    private final ObjectNode session;

    /** Opens the ledger {@code dir/provenance.json} and records a new session. */
    public SweepLedger(Path dir, Sweep sweep, Provenance prov, int workers) {
        this(dir, "provenance.json", sweep, prov, workers);
    }

    /** Opens a ledger of another name (a shard's {@code provenance-shard-i-of-n.json}). */
    public SweepLedger(Path dir, String name, Sweep sweep, Provenance prov, int workers) {
        this.file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            ObjectNode found = read(dir, name, sweep);
            if (found != null) {
                doc = found;
            } else {
                doc = JSON.createObjectNode();
                doc.put("experiment", sweep.name());
                doc.put("experiment_file", sweep.file().toAbsolutePath().toString());
                doc.put("experiment_sha256", sweep.sha256());
                doc.put("points", sweep.points().size());
                doc.set("provenance", JSON.valueToTree(prov));
                doc.putArray("sessions");
            }
            session = ((ArrayNode) doc.get("sessions")).addObject();
            session.put("started", Instant.now().toString());
            session.put("workers", workers);
            session.put("cores", Runtime.getRuntime().availableProcessors());
            session.put("eqspice", prov.eqspiceVersion());
            session.put("git_commit", prov.gitCommit());
            session.put("simulator", prov.simulator());
            session.put("java", prov.java());
            save();
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
    }

    /**
     * Checks, reading only, that {@code dir} may take this sweep: its ledger {@code name}, if
     * there is one, must be readable and of the same experiment file (same SHA-256).
     */
    public static void checkResumable(Path dir, String name, Sweep sweep) {
        read(dir, name, sweep);
    }

    /** The ledger in {@code dir}, checked to be of this sweep; null when there is none. */
    private static ObjectNode read(Path dir, String name, Sweep sweep) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String fix = "; move the folder aside or give --out a new one";
        JsonNode tree;
        try {
            if (Files.size(file) > MAX_LEDGER_BYTES) {
                throw new IllegalArgumentException(file + ": " + Files.size(file) + " bytes, more than a sweep ledger "
                        + "has (at most " + (MAX_LEDGER_BYTES >> 20) + " MiB)" + fix);
            }
            tree = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + e.getLocation().getLineNr() + ": not a readable sweep "
                    + "ledger (" + e.getOriginalMessage().lines().findFirst().orElse("") + "); it was cut or edited" + fix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + IoFailures.describe(e), e);
        }
        if (!(tree instanceof ObjectNode doc) || !doc.path("sessions").isArray()) {
            throw new IllegalArgumentException(file + ": not a sweep's ledger (no sessions list)" + fix);
        }
        String sha = doc.path("experiment_sha256").asText();
        if (!sha.equals(sweep.sha256())) {
            throw new IllegalArgumentException(dir + " holds a sweep of a different version of " + sweep.file()
                    + " (sha256 " + sha + ", now " + sweep.sha256() + "); use --out for a new folder");
        }
        return doc;
    }

    /** Records the session's end. */
    public void finish(SweepRunner.Summary s) {
        session.put("ended", Instant.now().toString());
        session.put("ran", s.ran());
        session.put("failed", s.failed());
        session.put("skipped_as_done", s.skipped());
        session.put("seconds", s.seconds());
        session.set("recovered_phases_by_rung", JSON.valueToTree(s.recoveries()));
        try {
            save();
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
    }

    /** Written to a temporary file and moved into place, so a kill never leaves half a JSON file. */
    private void save() throws IOException {
        AtomicFiles.writeJson(JSON, file, doc);
    }
}
