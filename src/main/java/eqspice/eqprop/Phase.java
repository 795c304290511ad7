package eqspice.eqprop;

/** The equilibria EqProp solves: free (no nudging), nudged with +beta, nudged with -beta. */
public enum Phase {
    FREE(0), POSITIVE(1), NEGATIVE(-1);

    private final int sign;

    Phase(int sign) {
        this.sign = sign;
    }

    /** 0, +1 or -1: the sign of beta in this phase. */
    public int sign() {
        return sign;
    }

    /** Label used in metrics and diagnostics: {@code free}, {@code +beta}, {@code -beta}. */
    public String label() {
        return switch (this) {
            case FREE -> "free";
            case POSITIVE -> "+beta";
            case NEGATIVE -> "-beta";
        };
    }
}
