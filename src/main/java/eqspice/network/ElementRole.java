package eqspice.network;

/** What an element of a crossbar circuit is for; the diagnostics group power by role. */
public enum ElementRole {
    /** A programmable crossbar conductance. */
    CONDUCTANCE,
    /** A diode of a hidden node's activation. */
    DIODE,
    /** The bias voltage source in series with an activation diode. */
    DIODE_BIAS_SOURCE,
    /** A source applying an input (+x or -x). */
    INPUT_SOURCE,
    /** A bias source feeding the crossbars. */
    BIAS_SOURCE,
    /** The forward VCVS of a bidirectional amplifier. */
    AMPLIFIER_VCVS,
    /** The 0 V source that senses the amplifier's output current. */
    AMPLIFIER_SENSE,
    /** The backward CCCS of a bidirectional amplifier. */
    AMPLIFIER_CCCS,
    /** A current source that nudges an output node. */
    NUDGE_SOURCE,
    /** A supply rail of the op-amp amplifiers (behavioural and transistor fidelity). */
    SUPPLY_SOURCE
}
