package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    @Test
    void aPathWithLineBreaksStaysOnItsCommentLine() {
        Provenance p = new Provenance("0.1", "abc", false, "ngspice 46 (klu)", "/opt/lib\u2028ngspice.so",
                "klu", 3, "runs/a\nb\u0085c\u2029d.yaml", "f00d", "17", "2026-12-04T00:00:00Z");
        List<String> lines = p.lines();
        assertEquals(6, lines.size());
        for (String l : lines) {
            assertEquals(1, l.split("\\R", -1).length, l);
        }
        assertTrue(lines.contains("experiment: runs/a\\u000Ab\\u0085c\\u2029d.yaml (sha256 f00d)"), lines.toString());
        assertTrue(lines.contains("simulator: ngspice 46 (klu), library /opt/lib\\u2028ngspice.so"), lines.toString());
    }
}
