package eqspice.experiment;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The experiment-file tests' fixture: a minimal valid file, parsed in memory under one name. */
final class ExperimentYaml {
    /** The name errors quote. */
    static final Path FILE = Path.of("experiments/test.yaml");
    /** A minimal valid experiment (Kiraz's network and task); tests append or replace fields. */
    static final String GOOD = """
            name: t1
            network:
              preset: kiraz-case1
            task:
              name: kiraz-case1
            training:
              alpha: 1.0e-4
              beta: 1.0e-3
            """;

    private ExperimentYaml() {
    }

    static Experiment parse(String yaml) {
        return ExperimentLoader.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The message of the error {@code yaml} must raise. */
    static String error(String yaml) {
        return assertThrows(ExperimentException.class, () -> parse(yaml)).getMessage();
    }
}
