package eqspice.circuit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable netlist: title, elements, diode models, solver options, comment lines
 * (provenance) for the header, and the harness's own library files it uses (models and
 * subcircuits, see {@link LibraryFile}). The constructor checks what SPICE would only report
 * later: duplicate names, undefined models and subcircuits, controlled sources that sense a
 * missing source.
 */
public record Circuit(String title, List<Element> elements, List<DiodeModel> models, SolverOptions options,
                      List<String> comments, List<LibraryFile> libraries) {

    /** A circuit that uses no library file. */
    public Circuit(String title, List<Element> elements, List<DiodeModel> models, SolverOptions options,
                   List<String> comments) {
        this(title, elements, models, options, comments, List.of());
    }

    public Circuit {
        SpiceNames.title(title);
        elements = List.copyOf(elements);
        models = List.copyOf(models);
        comments = List.copyOf(comments);
        libraries = List.copyOf(libraries);
        if (options == null) {
            throw new IllegalArgumentException("solver options must not be null");
        }
        Set<String> modelNames = new HashSet<>();
        for (DiodeModel m : models) {
            if (!modelNames.add(m.name())) {
                throw new IllegalArgumentException("diode model '" + m.name() + "' is defined twice");
            }
        }
        Set<String> subcircuits = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (LibraryFile lib : libraries) {
            if (!files.add(lib.fileName())) {
                throw new IllegalArgumentException("library file '" + lib.fileName() + "' is used twice");
            }
            modelNames.addAll(lib.models());
            subcircuits.addAll(lib.subcircuits());
        }
        Map<String, Element> byName = new HashMap<>();
        for (Element e : elements) {
            if (byName.put(e.name(), e) != null) {
                throw new IllegalArgumentException("element name '" + e.name() + "' is used twice");
            }
        }
        for (Element e : elements) {
            if (e instanceof Diode d && !modelNames.contains(d.model())) {
                throw new IllegalArgumentException("diode " + d.name() + " uses undefined model '" + d.model() + "'");
            }
            if (e instanceof SubcircuitCall x && !subcircuits.contains(x.subcircuit())) {
                throw new IllegalArgumentException("subcircuit instance " + x.name() + " uses '" + x.subcircuit()
                        + "', which none of the circuit's library files defines");
            }
            if (e instanceof Cccs f && !(byName.get(f.senseSource()) instanceof VoltageSource)) {
                throw new IllegalArgumentException("CCCS " + f.name() + " senses '" + f.senseSource()
                        + "', which is not a voltage source of this circuit");
            }
        }
    }

    /** A circuit with default solver options and no comments. */
    public static Circuit of(String title, List<Element> elements, List<DiodeModel> models) {
        return new Circuit(title, elements, models, SolverOptions.DEFAULT, List.of());
    }

    /** All node names except ground, in order of first appearance. */
    public List<String> nodes() {
        Set<String> nodes = new LinkedHashSet<>();
        for (Element e : elements) {
            for (String n : e.nodes()) {
                if (!SpiceNames.GROUND.equals(n)) {
                    nodes.add(n);
                }
            }
        }
        return List.copyOf(nodes);
    }

    /** The element with this name, or throws. */
    public Element element(String name) {
        for (Element e : elements) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no element named '" + name + "' in circuit '" + title + "'");
    }

    /** A copy with other solver options. */
    public Circuit withOptions(SolverOptions newOptions) {
        return new Circuit(title, elements, models, newOptions, comments, libraries);
    }
}
