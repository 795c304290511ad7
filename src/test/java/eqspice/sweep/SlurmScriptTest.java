package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmScriptTest {
    private static String fileSystemType(Path p) {
        try {
            return java.nio.file.Files.getFileStore(p).type();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SlurmScript.Builder base() {
        return SlurmScript.builder().jobName("eqspice-k").shards(4).cpus(2).workDir(Path.of("/work"))
                .launch(List.of("-Xmx1g", "-jar", "/shared/r/eqspice.jar")).experiment(Path.of("/shared/k.yaml"))
                .results(Path.of("/shared/r"));
    }

    @Test
    void theArrayScriptFindsJavaRunsTheSetupAndAPreflightThenItsShard() {
        String text = base().partition("short").time("2:00:00").mem("4G").account("lab1").qos("normal")
                .setup(List.of("module load java/17", "export OMP_NUM_THREADS=1")).build().text();
        assertEquals("""
                #!/bin/sh
                # eqspice sweep as a Slurm job array: task i runs shard i/4.
                # Resubmitting resumes: finished points are skipped; eqspice merge /shared/r
                # names the shards to resubmit (sbatch --array=i,j /shared/r/sweep.sbatch).
                #SBATCH --job-name=eqspice-k
                #SBATCH --array=0-3
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=2
                #SBATCH --partition=short
                #SBATCH --time=2:00:00
                #SBATCH --mem=4G
                #SBATCH --account=lab1
                #SBATCH --qos=normal
                #SBATCH --output=/shared/r/slurm/%A_%a.out
                set -eu
                module load java/17
                export OMP_NUM_THREADS=1
                if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
                command -v "$java" >/dev/null 2>&1 || { echo "eqspice: no java on $(hostname): set JAVA_HOME or load it with --setup 'module load java/17'" >&2; exit 2; }
                cd /work
                # preflight: ngspice and Java on this node, before any point is claimed
                "$java" -Xmx1g -jar /shared/r/eqspice.jar doctor >&2 || { echo "eqspice: preflight failed on $(hostname): see the doctor's lines above" >&2; exit 2; }
                exec "$java" -Xmx1g -jar /shared/r/eqspice.jar sweep /shared/k.yaml --shard "$SLURM_ARRAY_TASK_ID/4" --workers "${SLURM_CPUS_PER_TASK:-1}" --out /shared/r
                """, text);
    }

    @Test
    void theMergeJobRunsMergeWithTheSameAccount() {
        String text = base().account("lab1").mem("64G").build().mergeText();
        assertTrue(text.contains("#SBATCH --account=lab1\n"), text);
        assertFalse(text.contains("--mem"), "the merge is small whatever the tasks need: " + text);
        assertFalse(text.contains("--array"), text);
        assertTrue(text.endsWith("exec \"$java\" -Xmx1g -jar /shared/r/eqspice.jar merge /shared/r\n"), text);
    }

    @Test
    void valuesThatCouldBreakTheScriptAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base().mem("4G; rm -rf ~").build())
                .getMessage().startsWith("--mem '4G; rm -rf ~' must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base().setup(List.of("module load x\nrm -rf ~"))
                .build()).getMessage().contains("one printable line"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base().setup(List.of("a\u2028b")).build())
                .getMessage().contains("one printable line"));
        assertThrows(IllegalArgumentException.class, () -> base().qos("high prio").build());
        assertThrows(IllegalArgumentException.class, () -> base().account("$(id)").build());
        assertThrows(IllegalArgumentException.class, () -> base().results(Path.of("/shared/my results")).build());
        assertThrows(IllegalArgumentException.class, () -> base().cpus(0).build());
    }

    @Test
    void nodeLocalFoldersAreNamed() {
        assertTrue(SlurmJob.nodeLocalWarning(Path.of("/tmp/sweep")).orElseThrow().contains("under /tmp"));
        assertTrue(SlurmJob.nodeLocalWarning(Path.of("/dev/shm/x")).isPresent());
        // a folder outside the node-local paths (the checkout itself may be under /tmp, as a CI clone is)
        Path here = Path.of("/var/lib/eqspice-results");
        boolean tmpfs = List.of("tmpfs", "ramfs").contains(fileSystemType(Path.of("/var/lib")));
        assertEquals(tmpfs, SlurmJob.nodeLocalWarning(here).isPresent(),
                "a folder outside the node-local paths is flagged by its file-system type only");
    }
}
