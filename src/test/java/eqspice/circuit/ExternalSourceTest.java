package eqspice.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EXTERNAL sources are written as plain {@code external}: ngspice 39.3 crashes on one that also has a DC value. */
class ExternalSourceTest {
    @Test
    void externalSourcesHaveNoDcValue() {
        assertEquals("vin a 0 external", new VoltageSource("vin", "a", "0", 0.7).asExternal().spiceLine());
        assertEquals("inud 0 op0 external", new CurrentSource("inud", "0", "op0", 1e-3).asExternal().spiceLine());
        assertEquals("vin a 0 dc 0.7", new VoltageSource("vin", "a", "0", 0.7).spiceLine());
        assertEquals(0.7, new VoltageSource("vin", "a", "0", 0.7).asExternal().volts(), "the value it starts with");
    }

    @Test
    void aCrossbarWithExternalSourcesMakesOnlyInputsAndNudgingExternal() {
        var spec = Presets.kirazCase1();
        Circuit c = new CrossbarCircuit(spec).build(LayeredNetwork.uniform(spec, 1e-4), new double[] {-2, 2},
                SolverOptions.DEFAULT, List.of(), true);
        List<String> external = c.elements().stream().map(Element::spiceLine).filter(l -> l.endsWith(" external"))
                .map(l -> l.split(" ")[0]).sorted().toList();
        assertEquals(List.of("inudm0", "inudp0", "vin0", "vin1"), external);
        assertEquals(-2.0, ((VoltageSource) c.element("vin0")).volts());
    }
}
