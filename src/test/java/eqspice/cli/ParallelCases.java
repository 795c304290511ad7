package eqspice.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the cases of a corpus test (bad inputs, hostile netlists) two at a time, one child process
 * each, and collects what went wrong, so that one run reports every case that misbehaves.
 */
final class ParallelCases {
    /** One case's check: what went wrong, or null when it behaved. */
    interface Check<T> {
        String problem(T c, int index) throws Exception;
    }

    private ParallelCases() {
    }

    /** "label: problem" for every case that misbehaved (a thrown exception counts), sorted. */
    static <T> List<String> failures(List<T> cases, Function<T, String> label, Check<T> check) throws Exception {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < cases.size(); k++) {
                T c = cases.get(k);
                int index = k;
                done.add(pool.submit(() -> {
                    try {
                        String problem = check.problem(c, index);
                        if (problem != null) {
                            failures.add(label.apply(c) + ": " + problem);
                        }
                    } catch (Exception e) {
                        failures.add(label.apply(c) + ": " + e);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(new TreeSet<>(failures));
    }
}
