package eqspice.diagnostics;

import eqspice.circuit.Cccs;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SubcircuitCall;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.network.ElementRole;
import java.util.Map;
import java.util.function.Function;

/**
 * The classes over which the diagnostics sum element power. Crossbar circuits are classified by
 * their {@link ElementRole}; any other circuit by element type, so the diagnostics work on a
 * hand-written circuit too.
 *
 * <p>{@link #hasCoContent()} says whether the class contributes a term to the pseudo-power
 * (co-content). Voltage sources hold their nodes (they are constraints, not terms), and the
 * amplifier's controlled sources are not reciprocal, so they have no co-content at all: what
 * they do to the energy picture is shown by their net power and by the variational check.
 */
public enum PowerClass {
    CONDUCTANCES("conductances", true),
    DIODES("diodes", true),
    DIODE_BIAS_SOURCES("diode bias sources", false),
    INPUT_SOURCES("input sources", false),
    BIAS_SOURCES("bias sources", false),
    AMPLIFIER_VCVS("amplifier VCVS", false),
    AMPLIFIER_CCCS("amplifier CCCS", false),
    SENSE_SOURCES("sense sources", false),
    NUDGE_SOURCES("nudging sources", true),
    /** The op-amp amplifiers of the behavioural and transistor levels (subcircuits), all their terminals. */
    AMPLIFIER_SUBCIRCUITS("op-amp amplifiers", false),
    /** The rails that power the op-amp amplifiers. */
    SUPPLY_SOURCES("amplifier rails", false),
    VOLTAGE_SOURCES("other voltage sources", false),
    CURRENT_SOURCES("other current sources", true);

    private final String label;
    private final boolean coContent;

    PowerClass(String label, boolean coContent) {
        this.label = label;
        this.coContent = coContent;
    }

    /** Human-readable name for tables. */
    public String label() {
        return label;
    }

    /** Whether elements of this class carry a co-content term in the pseudo-power. */
    public boolean hasCoContent() {
        return coContent;
    }

    /** The class of a crossbar element role. */
    public static PowerClass of(ElementRole role) {
        return switch (role) {
            case CONDUCTANCE -> CONDUCTANCES;
            case DIODE -> DIODES;
            case DIODE_BIAS_SOURCE -> DIODE_BIAS_SOURCES;
            case INPUT_SOURCE -> INPUT_SOURCES;
            case BIAS_SOURCE -> BIAS_SOURCES;
            case AMPLIFIER_VCVS -> AMPLIFIER_VCVS;
            case AMPLIFIER_CCCS -> AMPLIFIER_CCCS;
            case AMPLIFIER_SENSE -> SENSE_SOURCES;
            case NUDGE_SOURCE -> NUDGE_SOURCES;
            case SUPPLY_SOURCE -> SUPPLY_SOURCES;
        };
    }

    /** The class of an element known only by its type. */
    public static PowerClass byType(Element e) {
        // Java 17 has no pattern matching in switch (it is a preview there): an instanceof chain.
        if (e instanceof Resistor || e instanceof SinhConductor) {
            return CONDUCTANCES;
        } else if (e instanceof SubcircuitCall) {
            return AMPLIFIER_SUBCIRCUITS;
        } else if (e instanceof Diode) {
            return DIODES;
        } else if (e instanceof VoltageSource) {
            return VOLTAGE_SOURCES;
        } else if (e instanceof CurrentSource) {
            return CURRENT_SOURCES;
        } else if (e instanceof Vcvs) {
            return AMPLIFIER_VCVS;
        } else if (e instanceof Cccs) {
            return AMPLIFIER_CCCS;
        }
        throw new IllegalArgumentException("unknown element kind: " + e);
    }

    /** Classifies by element type only. */
    public static Function<Element, PowerClass> byType() {
        return PowerClass::byType;
    }

    /** Classifies by crossbar role (e.g. {@code CrossbarCircuit.roles()}), by type for unknown names. */
    public static Function<Element, PowerClass> byRole(Map<String, ElementRole> roles) {
        Map<String, ElementRole> copy = Map.copyOf(roles);
        return e -> {
            ElementRole role = copy.get(e.name());
            // A subcircuit instance is its own class whatever its role: its power comes from KCL at its terminals.
            return role == null || e instanceof SubcircuitCall ? byType(e) : of(role);
        };
    }
}
