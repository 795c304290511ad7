package eqspice.sweep;

import eqspice.eqprop.PhaseStrategy;
import eqspice.experiment.Experiment;
import eqspice.run.RunListener;
import eqspice.run.RunRequest;
import eqspice.run.RunService;
import eqspice.train.EpochMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a sweep will cost before it starts ({@code eqspice sweep --dry-run}): a few of its points
 * trained for a few epochs in a scratch folder after a warm-up, their time per epoch and per point and the bytes
 * they wrote, scaled to every point's epochs and divided over the workers. An estimate: points that
 * fail early, or need the recovery ladder late in training, cost less or more than the sample.
 *
 * @param points            points planned
 * @param epochs            epochs over all points
 * @param workers           worker processes
 * @param sampled           points trained for the calibration
 * @param secondsPerEpoch   median over the sampled points of their wall time per epoch
 * @param secondsPerPoint   median fixed cost of a point besides its epochs (loading, final scoring, writing)
 * @param bytesPerPoint     median folder size of a sampled point scaled to its full epochs
 * @param seconds           estimated wall time of the whole sweep
 */
public record SweepEstimate(int points, long epochs, int workers, int sampled, double secondsPerEpoch,
                            double secondsPerPoint, double bytesPerPoint, double seconds) {
    /** Points trained for the calibration, at most: spread over the plan (first, middle, last). */
    static final int SAMPLE = 3;
    /** Epochs each sampled point is trained for, at most, when an epoch is cheap. */
    static final int CALIBRATION_EPOCHS = 30;
    /** Epochs each sampled point is trained for when an epoch takes longer than {@link #CHEAP_EPOCH_S}. */
    static final int SHORT_CALIBRATION_EPOCHS = 3;
    static final double CHEAP_EPOCH_S = 0.2;

    /**
     * Trains a warm-up point and then the sample in {@code scratch} (left for the caller to delete)
     * and scales them to the sweep. The warm-up is what a worker's first point is: the JIT compiling
     * the harness (the first epochs of the first point run several times slower than the rest), so
     * the sample is measured warm, as a worker spends most of a sweep.
     */
    public static SweepEstimate calibrate(Sweep sweep, int workers, RunService service,
                                          Optional<PhaseStrategy> phases, Path scratch) {
        List<SweepPoint> pts = sweep.points();
        List<SweepPoint> sample = new ArrayList<>();
        int n = Math.min(SAMPLE, pts.size());
        for (int k = 0; k < n; k++) {
            sample.add(pts.get(n == 1 ? 0 : k * (pts.size() - 1) / (n - 1)));
        }
        Measured warm = train(service, sample.get(0), CALIBRATION_EPOCHS, phases, scratch.resolve("warm-up"));
        int epochs = warm.perEpoch() <= CHEAP_EPOCH_S ? CALIBRATION_EPOCHS : SHORT_CALIBRATION_EPOCHS;
        List<Double> perEpoch = new ArrayList<>();
        List<Double> perPoint = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        for (SweepPoint p : sample) {
            Measured m = train(service, p, epochs, phases, scratch.resolve(p.id()));
            perEpoch.add(m.perEpoch());
            perPoint.add(m.fixed());
            bytes.add(m.bytes());
        }
        long allEpochs = pts.stream().mapToLong(p -> p.experiment().config().epochs()).sum();
        double sec = median(perEpoch);
        double fixed = median(perPoint);
        double total = (allEpochs * sec + pts.size() * fixed) / workers;
        return new SweepEstimate(pts.size(), allEpochs, workers, sample.size(), sec, fixed, median(bytes), total);
    }

    /** One calibration run: median epoch time after its first epoch, the rest of its wall time, its scaled size. */
    private record Measured(double perEpoch, double fixed, double bytes) {
    }

    private static Measured train(RunService service, SweepPoint p, int maxEpochs, Optional<PhaseStrategy> phases,
                                  Path dir) {
        Experiment full = p.experiment();
        int epochs = Math.min(maxEpochs, full.config().epochs());
        Experiment shortRun = full.withConfig(full.config().toBuilder().epochs(epochs).build());
        long t0 = System.nanoTime();
        List<EpochMetrics> seen = new ArrayList<>();
        service.run(RunRequest.of(shortRun).withOut(dir).withPhases(phases).withBaseline(false).withFinalScore(true)
                .withExperimentYaml(p.yaml().getBytes(StandardCharsets.UTF_8)), new RunListener() {
                    @Override
                    public void epoch(EpochMetrics m) {
                        seen.add(m);
                    }
                });
        double wall = (System.nanoTime() - t0) / 1e9;
        double training = seen.stream().mapToDouble(EpochMetrics::seconds).sum();
        List<Double> later = seen.stream().skip(seen.size() > 1 ? 1 : 0).map(EpochMetrics::seconds).toList();
        return new Measured(median(later), Math.max(0, wall - training),
                scaledSize(dir, (double) full.config().epochs() / epochs));
    }

    /** The folder's bytes, with the per-epoch table (metrics.csv) scaled from the calibration's epochs to the run's. */
    private static double scaledSize(Path dir, double epochScale) {
        try (Stream<Path> files = Files.walk(dir)) {
            double sum = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sum += Files.size(f) * (f.getFileName().toString().equals("metrics.csv") ? epochScale : 1);
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted(Comparator.naturalOrder()).toList();
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The estimate for a person: time, disk, and how it was measured. */
    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "%d points, %d epochs in all, %d workers", points, epochs, workers),
                String.format(Locale.ROOT, "calibration: %d point(s) trained after a warm-up: %.3g s per epoch, "
                        + "%.3g s per point besides its epochs", sampled, secondsPerEpoch, secondsPerPoint),
                String.format(Locale.ROOT, "estimated time: %s on %d workers (an estimate: points that fail early "
                        + "or need the recovery ladder cost less or more)", duration(seconds), workers),
                String.format(Locale.ROOT, "estimated disk: %s (%s per point)", size(bytesPerPoint * points),
                        size(bytesPerPoint)));
    }

    static String duration(double s) {
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    static String size(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int u = 0;
        while (bytes >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.3g %s", bytes, units[u]);
    }
}
