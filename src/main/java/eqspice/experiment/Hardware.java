package eqspice.experiment;

import eqspice.eqprop.Programming;
import eqspice.network.Fidelity;
import eqspice.network.FidelityParameters;

/**
 * An experiment's {@code fidelity:} section: the parameters of the non-ideal parts (used by
 * {@code eqspice validate} and {@code export --level}), the level the network is trained at
 * ({@code train_level}, ideal unless given) and how devices take their programming steps.
 */
public record Hardware(FidelityParameters parameters, Fidelity.Level trainLevel, Programming programming) {
    /** No fidelity section: default parameters, ideal training, ideal programming. */
    public static final Hardware DEFAULT = new Hardware(FidelityParameters.DEFAULT, Fidelity.Level.IDEAL,
            Programming.IDEAL);

    public Hardware {
        if (parameters == null || trainLevel == null || programming == null) {
            throw new IllegalArgumentException("hardware needs parameters, a training level and programming");
        }
    }

    /** The fidelity the network is trained at. */
    public Fidelity trainFidelity() {
        return Fidelity.of(trainLevel, parameters);
    }
}
