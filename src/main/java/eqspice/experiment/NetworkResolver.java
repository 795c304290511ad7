package eqspice.experiment;

import static eqspice.experiment.FieldChecks.atLeastOne;
import static eqspice.experiment.FieldChecks.escape;
import static eqspice.experiment.FieldChecks.nonNegative;
import static eqspice.experiment.FieldChecks.or;
import static eqspice.experiment.FieldChecks.positive;
import static eqspice.experiment.FieldChecks.require;

import eqspice.circuit.DiodeModel;
import eqspice.experiment.ExperimentDoc.ActivationDoc;
import eqspice.experiment.ExperimentDoc.AmplifierDoc;
import eqspice.experiment.ExperimentDoc.NetworkDoc;
import eqspice.network.Amplifier;
import eqspice.network.ConductanceBounds;
import eqspice.network.DiodePair;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the {@code network:} section into a {@link NetworkSpec}: the named preset's shape and
 * parts (custom when none is named), with every field given overriding the preset's. Errors
 * name the YAML field ({@link ExperimentLoader} adds the file and line).
 */
final class NetworkResolver {
    private NetworkResolver() {
    }

    /** The network of {@code network:}; without a preset it is custom, which needs inputs, hidden and outputs. */
    static NetworkSpec resolve(NetworkDoc n) {
        String preset = or(n.preset(), "custom").toLowerCase(Locale.ROOT);
        NetworkSpec base = switch (preset) {
            case "kiraz-case1" -> Presets.kirazCase1();
            case "kendall" -> Presets.kendall(require(n.inputs(), "network.inputs"),
                    require(n.hidden(), "network.hidden").size() == 1 ? n.hidden().get(0) : oneHidden(),
                    require(n.outputs(), "network.outputs"));
            case "custom" -> new NetworkSpec(require(n.inputs(), "network.inputs"), true, List.of(1.0),
                    require(n.hidden(), "network.hidden"), require(n.outputs(), "network.outputs"),
                    Optional.of(DiodePair.DEFAULT), Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
            default -> throw new IllegalArgumentException("field 'network.preset': unknown preset '" + escape(n.preset())
                    + "'; allowed: kiraz-case1, kendall, custom");
        };
        ConductanceBounds bounds = new ConductanceBounds(or(n.gMin(), base.bounds().gMin()),
                or(n.gMax(), base.bounds().gMax()));
        return new NetworkSpec(or(n.inputs(), base.inputs()), or(n.doubledInputs(), base.doubledInputs()),
                or(n.bias(), base.biasVoltages()), or(n.hidden(), base.hidden()), or(n.outputs(), base.outputs()),
                activation(n.activation(), base.activation()), amplifier(n.amplifier(), base.amplifier()), bounds);
    }

    private static int oneHidden() {
        throw new IllegalArgumentException("field 'network.hidden': the kendall preset has exactly one hidden layer");
    }

    private static Optional<DiodePair> activation(ActivationDoc a, Optional<DiodePair> base) {
        if (a == null) {
            return base;
        }
        if (Boolean.FALSE.equals(a.enabled())) {
            return Optional.empty();
        }
        DiodePair d = base.orElse(DiodePair.DEFAULT);
        DiodeModel m = d.model();
        DiodeModel model = new DiodeModel(m.name(), or(a.is(), m.is()), or(a.n(), m.n()), or(a.rs(), m.rs()));
        DiodePair.Orientation orientation = d.orientation();
        if (a.orientation() != null) {
            orientation = switch (a.orientation().toLowerCase(Locale.ROOT)) {
                case "clipping" -> DiodePair.Orientation.CLIPPING;
                case "reversed" -> DiodePair.Orientation.REVERSED;
                default -> throw new IllegalArgumentException("field 'network.activation.orientation': '"
                        + escape(a.orientation()) + "' is not allowed; allowed: clipping, reversed");
            };
        }
        return Optional.of(new DiodePair(model, or(a.upperBias(), d.upperBias()), or(a.lowerBias(), d.lowerBias()),
                orientation));
    }

    private static Optional<Amplifier> amplifier(AmplifierDoc a, Optional<Amplifier> base) {
        if (a == null) {
            return base;
        }
        if (Boolean.FALSE.equals(a.enabled())) {
            return Optional.empty();
        }
        Amplifier d = base.orElse(Amplifier.KENDALL);
        return Optional.of(new Amplifier(or(a.forward(), d.forwardGain()), or(a.backward(), d.backwardGain())));
    }

    /**
     * The numbers of the {@code network:} section that the records would report without their
     * YAML field (see {@link ConfigResolver}'s checkNumbers, which calls this first).
     */
    static void checkNumbers(NetworkDoc n) {
        atLeastOne("network.inputs", n.inputs());
        atLeastOne("network.outputs", n.outputs());
        if (n.hidden() != null) {
            for (int k = 0; k < n.hidden().size(); k++) {
                if (n.hidden().get(k) == null) {
                    throw new IllegalArgumentException("field 'network.hidden[" + k + "]' is empty (null); give a layer size >= 1");
                }
                atLeastOne("network.hidden[" + k + "]", n.hidden().get(k));
            }
        }
        if (n.bias() != null && n.bias().contains(null)) {
            throw new IllegalArgumentException("field 'network.bias' has an empty (null) value; give voltages in V");
        }
        positive("network.g_min", n.gMin(), "S");
        positive("network.g_max", n.gMax(), "S");
        ActivationDoc a = n.activation();
        if (a != null) {
            positive("network.activation.is", a.is(), "A");
            positive("network.activation.n", a.n(), "");
            nonNegative("network.activation.rs", a.rs(), "ohm");
            if (a.upperBias() != null && a.lowerBias() != null && !(a.lowerBias() < a.upperBias())) {
                throw new IllegalArgumentException("field 'network.activation.lower_bias' (" + a.lowerBias()
                        + " V) must be below network.activation.upper_bias (" + a.upperBias() + " V)");
            }
        }
        AmplifierDoc amp = n.amplifier();
        if (amp != null) {
            positive("network.amplifier.forward", amp.forward(), "");
            positive("network.amplifier.backward", amp.backward(), "");
        }
    }
}
