package ee.allkiri.asic;

import static ee.allkiri.trustlist.TestLists.GRANTED;
import static ee.allkiri.trustlist.TestLists.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.trustlist.TestLists;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signature's qualification follows the signer CA's status in the trusted list at the
 * signing time (ETSI TS 119 615 4.3; eIDAS art. 32), with lists the test signs itself around
 * the real container {@code valid-asice-esteid2018.asice}, signed on 2024-09-02.
 */
class TrustedListQualificationTest {

    private static final Instant AT = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant FRESH_UNTIL = Instant.parse("2099-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private SignatureReport verify(List<TestLists.Period> history, boolean requireQualified) throws IOException {
        Verifier.Builder builder = Verifier.builder().trust(GeneratedTrust.list(dir, history, FRESH_UNTIL)).validationTime(AT);
        if (requireQualified) {
            builder.requireQualified();
        }
        ContainerReport report = builder.build().verify(GeneratedTrust.CONTAINER);
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    @Test
    void serviceGrantedAtTheSigningTimeMakesAQualifiedSignature() throws IOException {
        SignatureReport signature = verify(GeneratedTrust.history(GRANTED, "2018-04-05T09:45:21Z"), false);

        assertThat(signature.level()).isEqualTo(Qualification.QESIG);
        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void serviceWithdrawnBeforeTheSigningTimeMakesTheSignatureNotQualified() throws IOException {
        SignatureReport signature = verify(GeneratedTrust.history(GRANTED, "2018-04-05T09:45:21Z",
                WITHDRAWN, "2024-06-01T00:00:00Z"), false);

        assertThat(signature.level().isQualified()).isFalse();
        assertThat(signature.findings()).filteredOn(f -> f.code() == FindingCode.NOT_QUALIFIED)
                .extracting(f -> f.severity()).containsExactly(Severity.WARNING);
        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void serviceGrantedAfterTheSigningTimeMakesTheSignatureNotQualified() throws IOException {
        SignatureReport signature = verify(GeneratedTrust.history(GRANTED, "2025-01-01T00:00:00Z"), false);

        assertThat(signature.level().isQualified()).isFalse();
        assertThat(signature.findings()).extracting(f -> f.code()).contains(FindingCode.NOT_QUALIFIED);
        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void serviceWithdrawnAfterTheSigningTimeKeepsTheSignatureQualified() throws IOException {
        SignatureReport signature = verify(GeneratedTrust.history(GRANTED, "2018-04-05T09:45:21Z",
                WITHDRAWN, "2025-01-01T00:00:00Z"), false);

        assertThat(signature.level()).isEqualTo(Qualification.QESIG);
        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void requiringQualifiedSignaturesFailsTheNotQualifiedSignature() throws IOException {
        SignatureReport signature = verify(GeneratedTrust.history(GRANTED, "2018-04-05T09:45:21Z",
                WITHDRAWN, "2024-06-01T00:00:00Z"), true);

        assertThat(signature.level().isQualified()).isFalse();
        assertThat(signature.findings()).filteredOn(f -> f.code() == FindingCode.NOT_QUALIFIED)
                .extracting(f -> f.severity()).containsExactly(Severity.ERROR);
        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }
}
