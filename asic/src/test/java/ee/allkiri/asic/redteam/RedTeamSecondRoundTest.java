package ee.allkiri.asic.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The red team's second round (issue #12): forged containers built after the rewrite, every one refused,
 * with the finding code that names what it tries, both by the verifier with the fast path and by
 * the one that validates fully ({@link RedTeam#secondRound()}); docs/red-team.md, "Second round",
 * has what each did before its fix.
 */
class RedTeamSecondRoundTest {

    static Stream<Arguments> attacks() {
        return RedTeamTest.onBothRoutes(RedTeam.secondRound());
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("attacks")
    @DisplayName("a forged container is refused with the code that names the attack")
    void refused(RedTeamAttack attack, Route route) {
        RedTeamTest.assertRefused(attack, route);
    }

    static Stream<Route> routes() {
        return Stream.of(Route.FAST_PATH, Route.FULL_VALIDATION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("control: Unicode Path extra fields that repeat each entry's own name are no ambiguity")
    void unicodePathOfItsOwnName(Route route) {
        for (ContainerReport report : Judgement.verify(Judges.TEST_PKI, ZipParserAttacks.ownNames(), route)) {
            assertThat(report.indication()).as("%s", report.allFindings().toList()).isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("control: base64 wrapped in lines (XML whitespace) in SignatureValue and X509Certificate still reads")
    void base64InLines(Route route) {
        for (ContainerReport report : Judgement.verify(Judges.TEST_PKI, EncodingAndEvidenceAttacks.wrappedBase64(), route)) {
            assertThat(report.indication()).as("%s", report.allFindings().toList()).isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    @DisplayName("control: a CRL of the signer's CA listing a revocation after the signature is no contradiction")
    void crlWithALaterRevocation(Route route) {
        for (ContainerReport report : Judgement.verify(Judges.TEST_PKI, CrlAttacks.laterRevocation(), route)) {
            assertThat(report.allFindings().map(Finding::code)).doesNotContain(FindingCode.OCSP_RESPONSES_CONTRADICT);
        }
    }
}
