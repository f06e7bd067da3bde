package ee.allkiri.asic;

import static ee.allkiri.core.FindingCode.OCSP_STATUS_REVOKED;
import static ee.allkiri.core.FindingCode.PROFILE_NOT_LONG_TERM;
import static ee.allkiri.core.FindingCode.REVOCATION_CHECKED_ONLINE;
import static ee.allkiri.core.FindingCode.REVOCATION_UNAVAILABLE;
import static ee.allkiri.ocsp.testing.TestPki.issue;
import static ee.allkiri.ocsp.testing.TestPki.responder;
import static ee.allkiri.ocsp.testing.TestPki.root;
import static ee.allkiri.ocsp.testing.TestPki.signer;
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
import ee.allkiri.ocsp.testing.ExternalTool;
import ee.allkiri.ocsp.testing.OpensslResponder;
import ee.allkiri.ocsp.testing.TestPki.Issued;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A B-level signature (no revocation data inside) verified with an online revocation source:
 * an {@link OcspClient} asking OpenSSL's {@code openssl ocsp} responder of a test CA. The tests
 * that get an answer need openssl (and fail, naming it, when it is missing); the others do not.
 */
class OnlineRevocationTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static Issued ca;
    static Issued good;
    static Issued revoked;
    static Issued delegated;
    private static OpensslResponder responder;

    @TempDir
    static Path directory;

    @BeforeAll
    static void issueCertificates() throws Exception {
        ca = root("Online Test CA", NOW);
        good = issue(ca, "Good Signer", NOW, signer());
        revoked = issue(ca, "Revoked Signer", NOW, signer());
        delegated = issue(ca, "Online Test CA OCSP", NOW, responder(true));
    }

    /** The openssl responder for the CA, started by the first test that needs it. */
    static synchronized OpensslResponder openssl() throws Exception {
        if (responder == null) {
            ExternalTool.require("openssl", "openssl");
            responder = OpensslResponder.start(directory.resolve("responder"), ca, delegated, List.of(OpensslResponder.good(good),
                    OpensslResponder.revoked(revoked, NOW.minus(Duration.ofHours(1)), "keyCompromise")), 5);
        }
        return responder;
    }

    @AfterAll
    static void stop() {
        if (responder != null) {
            responder.close();
        }
    }

    static TrustSource trust() {
        return new TrustSource() {
            @Override
            public TrustMaterial load() {
                return new TrustMaterial(List.of(TrustedService.anchor(ca.certificate())), List.of(), "test CA");
            }

            @Override
            public String describe() {
                return "test CA";
            }
        };
    }

    static RevocationSource online(URI url) {
        return OcspClient.builder().trusted(List.of(ca.certificate())).responder("Online Test CA", url)
                .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(30)).build();
    }

    static SignatureReport verify(Verifier verifier, Issued signer) {
        byte[] container = ContainerForge.bLevel(signer, ca, "initiative.txt", "We propose.", NOW.minusSeconds(60));
        return verifier.verify(container, "b-level.asice").signatures().get(0);
    }

    static List<FindingCode> codes(SignatureReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    @Test
    @DisplayName("offline, a B-level signature is PROFILE_NOT_LONG_TERM and indeterminate")
    void offlineBLevelIsIndeterminate() throws Exception {
        SignatureReport report = verify(Verifier.builder().trust(trust()).build(), good);
        assertThat(codes(report)).contains(PROFILE_NOT_LONG_TERM);
        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    }

    @Test
    @DisplayName("online, a good signer passes: the status was checked now, and the missing long-term data is a warning")
    void onlineGoodSignerPasses() throws Exception {
        SignatureReport report = verify(Verifier.builder().trust(trust()).revocationSource(online(openssl().url())).build(), good);
        assertThat(codes(report)).contains(REVOCATION_CHECKED_ONLINE, PROFILE_NOT_LONG_TERM);
        assertThat(report.findings()).filteredOn(f -> f.code() == PROFILE_NOT_LONG_TERM)
                .extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(report.indication()).as(report.findings().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.ocspProducedAt()).isNotNull();
    }

    @Test
    @DisplayName("online, a revoked signer is OCSP_STATUS_REVOKED and fails")
    void onlineRevokedSignerFails() throws Exception {
        SignatureReport report = verify(Verifier.builder().trust(trust()).revocationSource(online(openssl().url())).build(), revoked);
        assertThat(codes(report)).contains(OCSP_STATUS_REVOKED);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    @DisplayName("online with the responder down: REVOCATION_UNAVAILABLE, indeterminate (TRY_LATER)")
    void responderDownIsIndeterminate() throws Exception {
        URI down = URI.create("http://127.0.0.1:1/");
        SignatureReport report = verify(Verifier.builder().trust(trust()).revocationSource(online(down)).build(), good);
        assertThat(codes(report)).contains(REVOCATION_UNAVAILABLE, PROFILE_NOT_LONG_TERM);
        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    }
}
