package ee.allkiri.asic;

import static ee.allkiri.core.FindingCode.OCSP_STATUS_REVOKED;
import static ee.allkiri.core.FindingCode.PROFILE_NOT_LONG_TERM;
import static ee.allkiri.core.FindingCode.REVOCATION_CHECKED_ONLINE;
import static ee.allkiri.core.FindingCode.REVOCATION_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.testing.ContainerForge;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.ocsp.OcspClient;
import ee.allkiri.ocsp.testing.OnlineCa;
import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A B-level signature (no revocation data inside) verified with an online revocation source:
 * an {@link OcspClient} asking OpenSSL's {@code openssl ocsp} responder of the testkit PKI's
 * ESTEID2018-like CA, trusted alone ({@link OnlineCa}). The tests that get an answer need
 * openssl (and fail, naming it, when it is missing); the others do not.
 */
class OnlineRevocationTest {

    static final Instant NOW = Instant.now();
    static final OnlineCa ONLINE = new OnlineCa();
    static final Authority CA = ONLINE.ca();
    static final Persona GOOD = ONLINE.good();
    /** Revoked 30 days before now. */
    static final Persona REVOKED = ONLINE.revoked();

    @AfterAll
    static void stop() {
        ONLINE.close();
    }

    static TrustSource trust() {
        return new TrustSource() {
            @Override
            public TrustMaterial load() {
                return new TrustMaterial(List.of(TrustedService.anchor(CA.certificate())), List.of(), "test CA");
            }

            @Override
            public String describe() {
                return "test CA";
            }
        };
    }

    static RevocationSource online(URI url) {
        return OcspClient.builder().trusted(List.of(CA.certificate())).responder(CA.commonName(), url)
                .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(30)).build();
    }

    static SignatureReport verify(Verifier verifier, Persona signer) {
        byte[] container = ContainerForge.bLevel(signer, "initiative.txt", "We propose.", NOW.minusSeconds(60));
        return verifier.verify(container, "b-level.asice").signatures().get(0);
    }

    static List<FindingCode> codes(SignatureReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    @Test
    @DisplayName("offline, a B-level signature is PROFILE_NOT_LONG_TERM and indeterminate")
    void offlineBLevelIsIndeterminate() throws Exception {
        SignatureReport report = verify(Verifier.builder().trust(trust()).build(), GOOD);
        assertThat(codes(report)).contains(PROFILE_NOT_LONG_TERM);
        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    }

    @Test
    @DisplayName("online, a good signer passes: the status was checked now, and the missing long-term data is a warning")
    void onlineGoodSignerPasses() throws Exception {
        SignatureReport report = verify(Verifier.builder().trust(trust()).revocationSource(online(ONLINE.url())).build(), GOOD);
        assertThat(codes(report)).contains(REVOCATION_CHECKED_ONLINE, PROFILE_NOT_LONG_TERM);
        assertThat(report.findings()).filteredOn(f -> f.code() == PROFILE_NOT_LONG_TERM)
                .extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(report.indication()).as(report.findings().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.ocspProducedAt()).isNotNull();
    }

    @Test
    @DisplayName("online, a revoked signer is OCSP_STATUS_REVOKED and fails")
    void onlineRevokedSignerFails() throws Exception {
        SignatureReport report = verify(Verifier.builder().trust(trust()).revocationSource(online(ONLINE.url())).build(), REVOKED);
        assertThat(codes(report)).contains(OCSP_STATUS_REVOKED);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    @DisplayName("online with the responder down: REVOCATION_UNAVAILABLE, indeterminate (TRY_LATER)")
    void responderDownIsIndeterminate() throws Exception {
        URI down = URI.create("http://127.0.0.1:1/");
        SignatureReport report = verify(Verifier.builder().trust(trust()).revocationSource(online(down)).build(), GOOD);
        assertThat(codes(report)).contains(REVOCATION_UNAVAILABLE, PROFILE_NOT_LONG_TERM);
        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    }
}
