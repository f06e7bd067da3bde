package ee.allkiri.asic.estonian;

import static ee.allkiri.asic.estonian.BothPaths.severities;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SubIndication;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.SignatureSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Revocation far after the time-stamp (issue 16, point 3): an OCSP response produced more than
 * 15 minutes after the signature time-stamp is OCSP_NOT_FRESH, a warning; more than 24 hours
 * after it, OCSP_TOO_LATE_AFTER_TIMESTAMP, an error (TOTAL_FAILED), as SiVa and digidoc4j say.
 */
class RevocationFreshnessTest {

    private static final ContainerForge FORGE = BothPaths.forge();
    private static final DataFile DOC = FORGE.document();
    private static final Instant STAMPED = FORGE.pki().epoch().plusSeconds(1);

    private static SignatureSpec ocspAfterTheStamp(Duration after) {
        return FORGE.spec(FORGE.personas().idCard(), DOC).timestampTime(STAMPED).ocspTime(STAMPED.plus(after)).build();
    }

    private static byte[] xades(Duration after) {
        return FORGE.container(List.of(DOC), List.of(ocspAfterTheStamp(after)));
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void twentyMinutesLateIsAWarning(BothPaths path) {
        ContainerReport report = path.verifier().verify(xades(Duration.ofMinutes(20)), "late.asice");

        assertThat(severities(report, FindingCode.OCSP_NOT_FRESH)).containsExactly(Severity.WARNING);
        assertThat(report.has(FindingCode.OCSP_TOO_LATE_AFTER_TIMESTAMP)).isFalse();
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aDayLateIsStillOnlyAWarning(BothPaths path) {
        ContainerReport report = path.verifier().verify(xades(Duration.ofHours(24)), "a-day.asice");

        assertThat(severities(report, FindingCode.OCSP_NOT_FRESH)).containsExactly(Severity.WARNING);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void moreThanADayLateFails(BothPaths path) {
        ContainerReport report = path.verifier().verify(xades(Duration.ofHours(24).plusMinutes(1)), "too-late.asice");

        assertThat(severities(report, FindingCode.OCSP_TOO_LATE_AFTER_TIMESTAMP)).containsExactly(Severity.ERROR);
        assertThat(report.has(FindingCode.OCSP_NOT_FRESH)).isFalse();
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.signatures().get(0).subIndication()).isEqualTo(SubIndication.SIG_CONSTRAINTS_FAILURE);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aCadesSignatureIsHeldToTheSameRule(BothPaths path) {
        byte[] container = FORGE.cades().container(List.of(DOC), List.of(ocspAfterTheStamp(Duration.ofHours(26))));

        ContainerReport report = path.verifier().verify(container, "too-late-cades.asice");

        assertThat(severities(report, FindingCode.OCSP_TOO_LATE_AFTER_TIMESTAMP)).containsExactly(Severity.ERROR);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
    }
}
