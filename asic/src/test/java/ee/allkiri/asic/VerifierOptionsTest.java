package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The named relaxations and tightenings of a verifier change exactly what they say. */
class VerifierOptionsTest {

    private static Verifier.Builder builder() {
        return Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust())).validationTime(Fixtures.AT);
    }

    @Test
    void unreadableTrustIsAnException() {
        assertThatThrownBy(() -> Verifier.builder().trust(new CertificateFolderTrustSource(Path.of("/nonexistent"))).build())
                .isInstanceOf(IOException.class);
    }

    @Test
    void strictMimetypeMakesACompressedMimetypeAnError() throws IOException {
        String fixture = "bdoc-with-tm-and-ts-signature.bdoc";
        assertThat(Fixtures.verify(fixture).valid()).isTrue();
        ContainerReport strict = builder().strictMimetype().build().verify(Fixtures.container(fixture));
        assertThat(strict.findings()).filteredOn(f -> f.code() == FindingCode.MIMETYPE_COMPRESSED)
                .extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(strict.valid()).isFalse();
    }

    @Test
    void rejectingNonDerCertificatesMakesThemAnError() throws IOException {
        String fixture = "InvestorToomas.bdoc";
        assertThat(Fixtures.verify(fixture).valid()).isTrue();
        ContainerReport strict = builder().rejectNonDerCertificates().build().verify(Fixtures.container(fixture));
        assertThat(strict.signatures().get(0).findings()).filteredOn(f -> f.code() == FindingCode.CERTIFICATE_NON_DER)
                .extracting(Finding::severity).containsExactly(Severity.ERROR);
        // read strictly, the certificate does not parse, so DSS finds no signing certificate
        assertThat(strict.signatures().get(0).has(FindingCode.SIGNING_CERTIFICATE_MISSING)).isTrue();
        assertThat(strict.valid()).isFalse();
    }

    @Test
    void onlyConfiguredRespondersMayIssueTimeMarks() throws IOException {
        String fixture = "valid-bdoc-tm.bdoc";
        ContainerReport report = builder().timeMarkResponders(Set.of("SOME OTHER RESPONDER")).build()
                .verify(Fixtures.container(fixture));
        assertThat(report.signatures().get(0).has(FindingCode.TM_RESPONDER_NOT_ALLOWED)).isTrue();
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aValidationTimeBeforeTheSigningMakesTheSignatureIndeterminate() throws IOException {
        ContainerReport report = builder().validationTime(Instant.parse("2020-01-01T00:00:00Z")).build()
                .verify(Fixtures.container("valid-asice-esteid2018.asice"));
        assertThat(report.signatures().get(0).has(FindingCode.SIGNED_AFTER_VALIDATION_TIME)).isTrue();
        assertThat(report.signatures().get(0).indication()).isEqualTo(ee.allkiri.core.Indication.INDETERMINATE);
        assertThat(report.valid()).isFalse();
    }
}
