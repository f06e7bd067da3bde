package ee.allkiri.asic.estonian;

import static ee.allkiri.asic.estonian.BothPaths.severities;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.PersonalCodes;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Old BDOC-TM signatures (issue 16, point 4): the time-mark (the OCSP response's producedAt) is
 * the proof of the signing time, so for LT_TM the signer's certificate is judged at the
 * time-mark, and a claimed SigningTime outside the certificate's validity is only
 * SIGNING_TIME_OUTSIDE_CERTIFICATE, a warning. SiVa gives such a real ESTEID-SK 2007 signature
 * TOTAL_PASSED, QESIG; none of the shared fixtures is that case (their ESTEID-SK 2007
 * time-mark signatures have the claimed time and the time-mark both inside, or both outside, the
 * validity), so the testkit forges it.
 */
class TimeMarkSigningTimeTest {

    private static final ContainerForge FORGE = BothPaths.forge();
    private static final DataFile DOC = FORGE.document();
    private static final Instant EPOCH = FORGE.pki().epoch();

    /** An old-style ID-card (plain serialNumber) valid over the given period. */
    private static Persona validBetween(Instant from, Instant until, int serial) {
        return FORGE.pki().persona(PersonaSpec.idCard("Veiko", "Vana", PersonalCodes.of(LocalDate.of(1967, 6, 2), false, serial))
                .withPlainSerial().withValidity(from, until));
    }

    private static byte[] timeMark(Persona persona, Instant claimed, Instant timeMark, Level level) {
        return FORGE.container(List.of(DOC), List.of(FORGE.spec(persona, DOC).level(level).signingTime(claimed)
                .timestampTime(level == Level.LT_TM ? null : timeMark.minusSeconds(1)).ocspTime(timeMark).build()));
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aClaimedTimeBeforeTheCertificateIsOnlyAWarning(BothPaths path) {
        Persona persona = validBetween(EPOCH.plus(Duration.ofHours(1)), EPOCH.plus(Duration.ofDays(1000)), 211);
        long fast = path.verifier().statistics().fastPath();
        ContainerReport report = path.verifier().verify(timeMark(persona, EPOCH, EPOCH.plus(Duration.ofHours(2)), Level.LT_TM),
                "clock-behind.bdoc");
        assertThat(path.verifier().statistics().fastPath() - fast).as("signatures the fast path took")
                .isEqualTo(path == BothPaths.FAST_PATH ? 1 : 0);

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.indication()).as(signature.findings().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(severities(report, FindingCode.SIGNING_TIME_OUTSIDE_CERTIFICATE)).containsExactly(Severity.WARNING);
        assertThat(signature.bestSignatureTime()).isEqualTo(EPOCH.plus(Duration.ofHours(2)));
        assertThat(report.valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aClaimedTimeAfterTheCertificateExpiredIsOnlyAWarning(BothPaths path) {
        Persona persona = validBetween(EPOCH.minus(Duration.ofDays(1000)), EPOCH.plus(Duration.ofHours(1)), 212);
        ContainerReport report = path.verifier().verify(timeMark(persona, EPOCH.plus(Duration.ofHours(3)),
                EPOCH.plus(Duration.ofMinutes(30)), Level.LT_TM), "clock-ahead.bdoc");

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.indication()).as(signature.findings().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(severities(report, FindingCode.SIGNING_TIME_OUTSIDE_CERTIFICATE)).containsExactly(Severity.WARNING);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aTimeMarkAfterTheCertificateExpiredStillFails(BothPaths path) {
        Persona persona = validBetween(EPOCH.minus(Duration.ofDays(1000)), EPOCH.minus(Duration.ofHours(1)), 213);
        ContainerReport report = path.verifier().verify(timeMark(persona, EPOCH.minus(Duration.ofHours(2)), EPOCH, Level.LT_TM),
                "expired.bdoc");

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.has(FindingCode.CERTIFICATE_EXPIRED)).isTrue();
        assertThat(report.valid()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aTimeStampedSignatureKeepsTheSigningTimeRule(BothPaths path) {
        Persona persona = validBetween(EPOCH.plus(Duration.ofHours(1)), EPOCH.plus(Duration.ofDays(1000)), 214);
        ContainerReport report = path.verifier().verify(timeMark(persona, EPOCH, EPOCH.plus(Duration.ofHours(2)), Level.LT),
                "lt-clock-behind.asice");

        assertThat(report.valid()).isFalse();
        assertThat(report.has(FindingCode.CLAIMED_SIGNING_TIME_OUTSIDE_CERTIFICATE)).isTrue();
        assertThat(report.has(FindingCode.SIGNING_TIME_OUTSIDE_CERTIFICATE)).isFalse();
    }
}
