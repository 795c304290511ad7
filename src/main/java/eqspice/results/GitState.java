package eqspice.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The git commit of the working directory, asked of git at run time: the jar may be older
 * than the last commit (the launcher rebuilds only when sources change), so a commit baked in
 * at build time could lie.
 *
 * @param commit full hash, or {@code unknown} when git or the repository is missing
 * @param dirty  whether tracked files have uncommitted changes
 */
public record GitState(String commit, boolean dirty) {
    private static GitState cached;

    /**
     * The state of eqspice's own checkout (the {@code eqspice.home} the launcher sets, else the
     * current directory), asked once per process.
     */
    public static synchronized GitState current() {
        if (cached == null) {
            String head = git("rev-parse", "HEAD");
            String status = head == null ? null : git("status", "--porcelain", "--untracked-files=no");
            cached = new GitState(head == null ? "unknown" : head.trim(), status != null && !status.isBlank());
        }
        return cached;
    }

    private static String git(String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = System.getProperty("eqspice.home", ".");
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
