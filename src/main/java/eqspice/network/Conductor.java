package eqspice.network;

/**
 * One programmable conductance of the crossbar: weight layer {@code layer}, row {@code row},
 * column {@code column}, its resistor's element name and its two nodes. The voltage across
 * it is V(rowNode) - V(columnNode).
 */
public record Conductor(int layer, int row, int column, String element, String rowNode, String columnNode) {
}
