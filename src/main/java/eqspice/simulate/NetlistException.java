package eqspice.simulate;

import java.util.List;

/** The backend refused the netlist: a syntax error, an unknown model, a bad element. */
public class NetlistException extends SimulationException {
    public NetlistException(String message, List<String> log) {
        super(message, log);
    }
}
