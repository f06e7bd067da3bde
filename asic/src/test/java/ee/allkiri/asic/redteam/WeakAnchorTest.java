package ee.allkiri.asic.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.testkit.pki.Authority;
import java.lang.ref.Reference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A trust anchor whose RSA modulus is a prime ({@link WeakAnchors}): its time-stamps, a signer
 * certificate that carries its modulus, and the same signer before a verifier that does not trust it
 * while one that does is alive. Bouncy Castle's record of checked moduli is one for the whole JVM,
 * so a modulus a verifier registered as checked without testing it (as 690e494 did with its anchors)
 * was taken as checked by every verifier, for any certificate, and after the verifier was gone.
 * Each is refused on both routes, by a new verifier, twice; the unit with a proper key is valid.
 */
class WeakAnchorTest {

    static Stream<Route> routes() {
        return Stream.of(Route.FAST_PATH, Route.FULL_VALIDATION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("a trusted time-stamping unit whose modulus is a prime: its time-stamp is refused")
    void timestampOfTheAnchor(Route route) {
        Authority tsa = WeakAnchors.tsa("anchor-stamps-" + route.name());
        Verifier verifier = WeakAnchors.verifier(tsa.certificate(), route == Route.FULL_VALIDATION);
        byte[] stamped = WeakAnchors.stamped(tsa);

        for (int i = 0; i < 2; i++) {
            assertRefused(verifier.verify(stamped, "stamped.asice"), FindingCode.TIMESTAMP_INVALID);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("a signer certificate of the ID-card CA carrying the prime modulus of a trusted unit is refused")
    void signerWithTheAnchorsModulus(Route route) {
        String label = "anchor-signer-" + route.name();
        Verifier verifier = WeakAnchors.verifier(WeakAnchors.tsa(label).certificate(), route == Route.FULL_VALIDATION);
        byte[] signed = WeakKeyAttacks.lt(WeakKeyAttacks.signer(WeakKeys.primeModulus(label), label));

        for (int i = 0; i < 2; i++) {
            assertRefused(verifier.verify(signed, "signed.asice"), FindingCode.SIGNATURE_VALUE_INVALID);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("a verifier that trusts no weak unit refuses that signer while a verifier that trusts one is alive")
    void anotherVerifiersAnchor(Route route) {
        String label = "anchor-elsewhere-" + route.name();
        Verifier trustsIt = WeakAnchors.verifier(WeakAnchors.tsa(label).certificate(), route == Route.FULL_VALIDATION);
        byte[] signed = WeakKeyAttacks.lt(WeakKeyAttacks.signer(WeakKeys.primeModulus(label), label));

        for (ContainerReport report : Judgement.verify(Judges.TEST_PKI, signed, route)) {
            assertRefused(report, FindingCode.SIGNATURE_VALUE_INVALID);
        }
        Reference.reachabilityFence(trustsIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("control: the trusted unit with a proper key, signing with the same arithmetic, is valid")
    void properAnchor(Route route) {
        Authority tsa = WeakAnchors.tsa(WeakKeys.composite("anchor-control"), "anchor-control");
        Verifier verifier = WeakAnchors.verifier(tsa.certificate(), route == Route.FULL_VALIDATION);

        ContainerReport report = verifier.verify(WeakAnchors.stamped(tsa), "stamped.asice");

        assertThat(report.indication()).as("%s", report.allFindings().toList()).isEqualTo(Indication.TOTAL_PASSED);
    }

    private static void assertRefused(ContainerReport report, FindingCode expected) {
        assertThat(report.indication()).as("%s", report.allFindings().toList()).isNotEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.allFindings().map(f -> f.code())).contains(expected);
    }
}
