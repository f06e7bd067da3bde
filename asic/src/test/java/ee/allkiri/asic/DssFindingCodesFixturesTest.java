package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: DSS's errors read per constraint (signature.DssCodes) on the real fixtures, on both
 * paths. A finding's code no longer contradicts the DSS check behind it, and every signature that
 * does not pass carries an error whose documented indication and sub-indication
 * (docs/finding-codes.md) are the signature's own.
 */
class DssFindingCodesFixturesTest {

    enum Path {
        FAST_PATH, FULL_VALIDATION;

        private Verifier verifier;

        synchronized Verifier verifier() {
            if (verifier == null) {
                verifier = this == FAST_PATH ? Fixtures.verifier() : full();
            }
            return verifier;
        }

        private static Verifier full() {
            try {
                return Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust())).validationTime(Fixtures.AT)
                        .fullValidationOnly().build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ContainerReport verify(String fixture) {
            try {
                return verifier().verify(Fixtures.container(fixture));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static SignatureReport signature(ContainerReport report, String file) {
        return report.signatures().stream().filter(s -> s.file().equals("META-INF/" + file)).findFirst().orElseThrow();
    }

    private static List<FindingCode> errors(SignatureReport signature) {
        return signature.findings().stream().filter(Finding::isError).map(Finding::code).toList();
    }

    /**
     * The fixtures whose DSS error BBB_XCV_REVOC_HAS_CERT_INFO_ANS ("the revocation data is not known
     * to contain information about the certificate": the OCSP response came after the certificate
     * expired) main reported as CERTIFICATE_EXPIRED. It is REVOCATION_MISSING, next to DSS's
     * BBB_XCV_IARDPFC_ANS (no acceptable revocation data); CERTIFICATE_EXPIRED is allkiri's own
     * SignerValidityRule, once: the proof of existence lies after the certificate expired.
     */
    static Stream<Arguments> revocationAfterExpiry() {
        return Stream.of(Path.values()).flatMap(path -> Stream.of(
                Arguments.of(path, "invalid_bdoc21-TS-old-cert.bdoc", "signatures0.xml", List.of(FindingCode.REVOCATION_MISSING,
                        FindingCode.REVOCATION_MISSING, FindingCode.ALGORITHM_NOT_RELIABLE, FindingCode.CERTIFICATE_EXPIRED)),
                Arguments.of(path, "invalid_bdoc_tm_old-sig-sigat-NOK-prodat-NOK.bdoc", "signatures1.xml",
                        List.of(FindingCode.REVOCATION_MISSING, FindingCode.REVOCATION_MISSING, FindingCode.CERTIFICATE_EXPIRED))));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("revocationAfterExpiry")
    @DisplayName("revocation data issued after the certificate expired is REVOCATION_MISSING, not CERTIFICATE_EXPIRED")
    void revocationAfterExpiryIsMissingRevocation(Path path, String fixture, String file, List<FindingCode> codes) {
        SignatureReport signature = signature(path.verify(fixture), file);

        assertThat(errors(signature)).as(signature.findings().toString()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(signature.indication()).isEqualTo(FindingCode.REVOCATION_MISSING.indication());
        assertThat(signature.subIndication()).isEqualTo(FindingCode.REVOCATION_MISSING.subIndication());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Path.class)
    @DisplayName("a time-stamp after the certificate expired: CERTIFICATE_EXPIRED with the signature's OUT_OF_BOUNDS_NOT_REVOKED")
    void timestampAfterExpiry(Path path) {
        SignatureReport signature = signature(path.verify("signing_certificate_not_valid_during_timestamping.asice"),
                "signatures0.xml");

        // DSS's TSV_IBSTBCEC_ANS and allkiri's SignerValidityRule, the same fact
        assertThat(errors(signature)).containsExactly(FindingCode.CERTIFICATE_EXPIRED, FindingCode.CERTIFICATE_EXPIRED);
        assertThat(signature.indication()).isEqualTo(FindingCode.CERTIFICATE_EXPIRED.indication());
        assertThat(signature.subIndication()).isEqualTo(FindingCode.CERTIFICATE_EXPIRED.subIndication());
    }

    /**
     * DSS's BBB_XCV_ICTIVRSC_ANS (the certificate is outside its validity at the validation time)
     * rides along with an old signature's real failure; main read it as CERTIFICATE_EXPIRED although
     * the certificate was valid when the signature was made.
     */
    static Stream<Arguments> validationTimeExpiry() {
        return Stream.of(Path.values()).flatMap(path -> Stream.of(
                Arguments.of(path, "invalid-data-file.bdoc", "signatures0.xml", List.of(FindingCode.REFERENCE_DIGEST_MISMATCH)),
                Arguments.of(path, "zip_misses_file_which_is_in_manifest.asice", "signatures0.xml",
                        List.of(FindingCode.REFERENCE_NOT_FOUND)),
                Arguments.of(path, "two_signatures_one_invalid.bdoc", "signatures1.xml",
                        List.of(FindingCode.REFERENCE_DIGEST_MISMATCH, FindingCode.SIGNING_CERTIFICATE_DIGEST_MISMATCH))));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("validationTimeExpiry")
    @DisplayName("a certificate expired only by the validation time is not CERTIFICATE_EXPIRED")
    void expiryAtTheValidationTimeIsNoFinding(Path path, String fixture, String file, List<FindingCode> codes) {
        SignatureReport signature = signature(path.verify(fixture), file);

        assertThat(errors(signature)).as(signature.findings().toString()).containsExactlyElementsOf(codes);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Path.class)
    @DisplayName("the OCSP responder's own status unchecked (DSS's BBB_XCV_IRDPFRC_ANS) is that warning, not OCSP_RESPONDER_UNTRUSTED")
    void responderStatusUnchecked(Path path) {
        SignatureReport signature = signature(path.verify("zip_file_without_asics_extension.bdoc"), "signatures0.xml");

        assertThat(signature.findings()).extracting(Finding::code).doesNotContain(FindingCode.OCSP_RESPONDER_UNTRUSTED)
                .contains(FindingCode.REVOCATION_MISSING, FindingCode.OCSP_RESPONDER_STATUS_UNCHECKED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Path.class)
    @DisplayName("every signature that does not pass has an error whose documented indication and sub-indication are its own")
    void everyOutcomeIsDocumentedByAFinding(Path path) {
        List<String> unexplained = Fixtures.manifest().stream().map(Fixtures.Row::name)
                .flatMap(name -> path.verify(name).signatures().stream()
                        .filter(s -> s.indication() != Indication.TOTAL_PASSED)
                        .filter(s -> s.findings().stream().filter(Finding::isError).map(Finding::code)
                                .noneMatch(c -> c.indication() == s.indication() && c.subIndication() == s.subIndication()))
                        .map(s -> name + " " + s.file() + " " + s.indication() + "/" + s.subIndication() + " " + errors(s)))
                .toList();

        assertThat(unexplained).isEmpty();
    }
}
