package eqspice.netlist;

/**
 * A netlist from outside was refused: the message names the file, the line and the rule it
 * breaks, so the user can find and change the line.
 */
public class NetlistRefusedException extends IllegalArgumentException {
    public NetlistRefusedException(String message) {
        super(message);
    }
}
