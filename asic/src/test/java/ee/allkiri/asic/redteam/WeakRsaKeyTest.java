package ee.allkiri.asic.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weak RSA keys ({@link WeakKeyAttacks}): every one refused on both routes with its code, the same
 * forgeries with proper keys valid, and the orders of verification that a cache of checked keys
 * could get wrong: the same weak signer twice by one verifier, and after a valid signer with an RSA key.
 */
class WeakRsaKeyTest {

    static Stream<Arguments> attacks() {
        return RedTeamTest.onBothRoutes(RedTeam.weakKeys());
    }

    static Stream<Arguments> controls() {
        return RedTeamTest.onBothRoutes(WeakKeyAttacks.controls());
    }

    static Stream<Route> routes() {
        return Stream.of(Route.FAST_PATH, Route.FULL_VALIDATION);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("attacks")
    @DisplayName("a weak RSA key is refused with the code that names what fails")
    void refused(RedTeamAttack attack, Route route) {
        RedTeamTest.assertRefused(attack, route);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("controls")
    @DisplayName("control: the same forgery with a proper key is valid")
    void control(RedTeamAttack control, Route route) {
        for (ContainerReport report : Judgement.verify(control.judges(), control.container().get(), route)) {
            assertThat(report.indication()).as("%s: %s", control, report.allFindings().toList())
                    .isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("one new verifier refuses the prime-modulus signer twice in a row")
    void twiceByOneVerifier(Route route) {
        Verifier verifier = Hostile.build(route == Route.FULL_VALIDATION);
        byte[] weak = WeakKeyAttacks.lt(WeakKeyAttacks.signer(WeakKeys.primeModulus("signer-twice"), "signer-twice"));

        assertRefused(verifier.verify(weak, "weak-1.asice"));
        assertRefused(verifier.verify(weak, "weak-2.asice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("one new verifier refuses the prime-modulus signer after, between and before valid RSA signers")
    void amongValidRsaSigners(Route route) {
        Verifier verifier = Hostile.build(route == Route.FULL_VALIDATION);
        byte[] smartId = WeakKeyAttacks.lt(Forgery.personas().smartId());
        byte[] proper = WeakKeyAttacks.lt(WeakKeyAttacks.signer(WeakKeys.composite("control-lt"), "control-lt"));
        byte[] weak = WeakKeyAttacks.lt(WeakKeyAttacks.signer(WeakKeys.primeModulus("signer-among"), "signer-among"));

        assertPassed(verifier.verify(smartId, "smart-id.asice"));
        assertRefused(verifier.verify(weak, "weak-1.asice"));
        assertPassed(verifier.verify(proper, "proper.asice"));
        assertRefused(verifier.verify(weak, "weak-2.asice"));
        assertPassed(verifier.verify(smartId, "smart-id-again.asice"));
    }

    static void assertRefused(ContainerReport report) {
        assertThat(report.indication()).as("%s", report.allFindings().toList()).isNotEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.allFindings().map(f -> f.code())).contains(FindingCode.SIGNATURE_VALUE_INVALID);
    }

    static void assertPassed(ContainerReport report) {
        assertThat(report.indication()).as("%s", report.allFindings().toList()).isEqualTo(Indication.TOTAL_PASSED);
    }
}
