package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What validate says about a folder that is not a finished run or sweep point. */
class RunFolderTest {
    private static final String WHAT = "validate needs the folder of a finished 'eqspice run' (results/<name>) or of a "
            + "finished sweep point (results/<sweep>/points/<id>)";

    private static String refusal(Path dir) {
        return assertThrows(IllegalArgumentException.class, () -> RunFolder.of(dir)).getMessage();
    }

    @Test
    void namesEachMissingFile(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(empty + ": no experiment.yaml (the experiment, written when the run or point starts) and no "
                + "conductances.csv (the trained network, written when training ends); " + WHAT, refusal(empty));

        Path unfinished = Files.createDirectories(tmp.resolve("sw/points/0123456789ab"));
        Files.writeString(unfinished.resolve("experiment.yaml"), "name: x\n");
        Files.writeString(unfinished.resolve("metrics.csv"), "epoch\n1\n");
        assertEquals(unfinished + ": no conductances.csv (the trained network, written when training ends); " + WHAT
                + ". This one has not finished: it is still training, was stopped, or failed (see its metrics.csv and, "
                + "for a sweep point, the reason column of points.csv)", refusal(unfinished));

        Files.writeString(unfinished.resolve("conductances.csv"), "layer,i,j,element,g_siemens\n");
        RunFolder ok = RunFolder.of(unfinished);
        assertEquals(unfinished.resolve("experiment.yaml"), ok.experiment());
        assertEquals(unfinished.resolve("conductances.csv"), ok.conductances());
    }

    @Test
    void pointsToThePointsOfASweepAndNamesOldSweeps(@TempDir Path tmp) throws Exception {
        Path sweep = Files.createDirectories(tmp.resolve("sw"));
        Files.writeString(sweep.resolve("points.csv"), "point_id\n");
        Path old = Files.createDirectories(sweep.resolve("points/0123456789ab"));
        Files.writeString(old.resolve("metrics.csv"), "epoch\n1\n");
        Files.writeString(old.resolve("conductances.csv"), "layer,i,j,element,g_siemens\n");
        assertEquals(sweep + " is a sweep's folder, not one run: validate one of its points, " + sweep.resolve("points")
                + "/<id> (the ids are the point_id column of points.csv)", refusal(sweep));
        assertEquals(old + ": no experiment.yaml (the experiment, written when the run or point starts); " + WHAT
                + ". This sweep point was written by an eqspice that did not keep each point's experiment; run the "
                + "sweep again with a new --out folder to validate its points", refusal(old));
        assertEquals(tmp.resolve("nothing") + ": no such folder; validate takes the folder of a finished 'eqspice run' "
                + "(results/<name>) or of a finished sweep point (results/<sweep>/points/<id>)",
                refusal(tmp.resolve("nothing")));
    }
}
