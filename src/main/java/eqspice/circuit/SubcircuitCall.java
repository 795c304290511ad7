package eqspice.circuit;

import java.util.List;
import java.util.Map;

/**
 * An instance of a subcircuit (SPICE {@code X}) defined in one of the circuit's
 * {@link LibraryFile}s: {@code name node... subcircuit param=value ...}. The subcircuit name
 * and the parameter names are checked like model names and the values are finite numbers, so
 * the line carries only what the harness generated.
 */
public record SubcircuitCall(String name, List<String> nodes, String subcircuit, Map<String, Double> parameters)
        implements Element {
    public SubcircuitCall {
        SpiceNames.element(name, 'x');
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("subcircuit instance " + name + " needs at least one node");
        }
        nodes.forEach(SpiceNames::node);
        SpiceNames.model(subcircuit);
        // Kept in the caller's order (a LinkedHashMap gives a stable line); values must be finite.
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        parameters.forEach((k, v) -> {
            SpiceNames.model(k);
            SpiceNumber.finite("parameter " + k + " of " + name, v);
        });
    }

    @Override
    public String spiceLine() {
        StringBuilder sb = new StringBuilder(name);
        nodes.forEach(n -> sb.append(' ').append(n));
        sb.append(' ').append(subcircuit);
        parameters.forEach((k, v) -> sb.append(' ').append(k).append('=').append(SpiceNumber.format(k, v)));
        return sb.toString();
    }
}
