package eqspice.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The child JVM's command line: this JVM's java and class path, then eqspice's real main class. */
class ChildJvmTest {
    @Test
    void startsThisJavaOnThisClassPathWithEqspicesMainClass() throws Exception {
        List<String> cmd = ChildJvm.command(List.of("-Xmx64m"), List.of("run", "x.yaml"));
        assertEquals(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), "eqspice.cli.Main", "run", "x.yaml"), cmd);
        // The main class is named by a string (see ChildJvm): check that it is there and has a main method.
        int modifiers = Class.forName(ChildJvm.MAIN_CLASS).getMethod("main", String[].class).getModifiers();
        assertEquals(true, Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers));
    }
}
