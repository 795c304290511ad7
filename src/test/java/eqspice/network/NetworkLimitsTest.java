package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Network sizes against the limits, computed in long arithmetic (counts worked out by hand in each test). */
class NetworkLimitsTest {
    @Test
    void countsBeyondIntAreComparedNotOverflowed() {
        // 2 inputs doubled (4) + 1 bias -> 50000 -> 50000 -> 2 output nodes:
        // 5*50000 + 50001*50000 + 50001*2 = 250,000 + 2,500,050,000 + 100,002 = 2,500,400,002 (int: -1,794,567,294)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkLimits.DEFAULT.check(2, true, 1, List.of(50000, 50000), 1));
        assertTrue(e.getMessage().startsWith("field 'network.hidden': this network has 2,500,400,002 conductances "
                + "(crossbar 1 alone 2,500,050,000), more than the limit of 1,000,000"), e.getMessage());
    }

    @Test
    void theLimitItselfIsAllowedOneMoreIsNot() {
        // 1 input, not doubled, no bias -> 1000 -> 500 outputs (1000 nodes): 1*1000 + 1000*1000 = 1,001,000
        NetworkLimits limits = new NetworkLimits(1_001_000, 100_000);
        assertDoesNotThrow(() -> limits.check(1, false, 0, List.of(1000), 500));
        assertThrows(IllegalArgumentException.class, () -> new NetworkLimits(1_000_999, 100_000)
                .check(1, false, 0, List.of(1000), 500));
    }

    @Test
    void aLayerOfTwoToTheThirtyOneNodesIsNamedByItsField() {
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> NetworkLimits.DEFAULT.check(2, true, 1, List.of(Integer.MAX_VALUE), 1));
        assertTrue(hidden.getMessage().startsWith("field 'network.hidden': hidden layer 1 has 2,147,483,647 nodes"),
                hidden.getMessage());
        IllegalArgumentException outputs = assertThrows(IllegalArgumentException.class,
                () -> NetworkLimits.DEFAULT.check(2, true, 1, List.of(2), Integer.MAX_VALUE));
        assertTrue(outputs.getMessage().startsWith("field 'network.outputs': the output layer has 4,294,967,294 nodes"),
                outputs.getMessage());
    }

    @Test
    void raisedLimitsSaturateInsteadOfWrapping() {
        NetworkLimits none = new NetworkLimits(Long.MAX_VALUE, Long.MAX_VALUE);
        // (2^32 - 2 + 1) * 2^31 * ... overflows a long in the product of the two widest layers: saturates at Long.MAX
        assertDoesNotThrow(() -> none.check(Integer.MAX_VALUE, true, 1, List.of(Integer.MAX_VALUE, Integer.MAX_VALUE),
                Integer.MAX_VALUE));
        NetworkLimits big = new NetworkLimits(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThrows(IllegalArgumentException.class, () -> big.check(Integer.MAX_VALUE, true, 1,
                List.of(Integer.MAX_VALUE, Integer.MAX_VALUE), Integer.MAX_VALUE));
    }

    @Test
    void theEnvironmentRaisesTheLimitsAndABadValueIsNamed() {
        NetworkLimits raised = NetworkLimits.fromEnvironment(Map.of(NetworkLimits.ENV_CONDUCTANCES, "5_000_000",
                NetworkLimits.ENV_LAYER_WIDTH, "200000"));
        assertTrue(raised.maxConductances() == 5_000_000 && raised.maxLayerWidth() == 200_000, raised.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkLimits.fromEnvironment(Map.of(NetworkLimits.ENV_LAYER_WIDTH, "0")));
        assertTrue(e.getMessage().contains("EQSPICE_MAX_LAYER_WIDTH must be a whole number >= 1, got '0'"),
                e.getMessage());
    }
}
