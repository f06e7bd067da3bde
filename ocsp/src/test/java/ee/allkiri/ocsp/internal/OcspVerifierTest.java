package ee.allkiri.ocsp.internal;

import static ee.allkiri.core.FindingCode.OCSP_BEFORE_TIMESTAMP;
import static ee.allkiri.core.FindingCode.OCSP_CERT_ID_MISMATCH;
import static ee.allkiri.core.FindingCode.OCSP_NOT_FRESH;
import static ee.allkiri.core.FindingCode.OCSP_TOO_LATE_AFTER_TIMESTAMP;
import static ee.allkiri.core.FindingCode.OCSP_OUT_OF_WINDOW;
import static ee.allkiri.core.FindingCode.OCSP_RESPONDER_NOT_AUTHORIZED;
import static ee.allkiri.core.FindingCode.OCSP_RESPONDER_STATUS_UNCHECKED;
import static ee.allkiri.core.FindingCode.OCSP_RESPONDER_UNTRUSTED;
import static ee.allkiri.core.FindingCode.OCSP_REVOKED_AFTER_SIGNING;
import static ee.allkiri.core.FindingCode.OCSP_SIGNATURE_INVALID;
import static ee.allkiri.core.FindingCode.OCSP_STATUS_REVOKED;
import static ee.allkiri.core.FindingCode.OCSP_STATUS_UNKNOWN;
import static ee.allkiri.core.FindingCode.TM_OCSP_NONCE_MISMATCH;
import static ee.allkiri.core.FindingCode.TM_OCSP_NONCE_MISSING;
import static ee.allkiri.core.FindingCode.TM_RESPONDER_NOT_ALLOWED;
import static ee.allkiri.ocsp.testing.TestPki.issue;
import static ee.allkiri.ocsp.testing.TestPki.responder;
import static ee.allkiri.ocsp.testing.TestPki.root;
import static ee.allkiri.ocsp.testing.TestPki.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.spi.RevocationReason;
import ee.allkiri.ocsp.OcspPolicy;
import ee.allkiri.ocsp.internal.OcspVerification.Authority;
import ee.allkiri.ocsp.internal.OcspVerification.Origin;
import ee.allkiri.ocsp.testing.ResponseForge;
import ee.allkiri.ocsp.testing.TestPki.Issued;
import ee.allkiri.ocsp.testing.TestPki;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checks on one OCSP response, each failing alone. */
class OcspVerifierTest {

    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant LATER = T.plus(Duration.ofDays(7));

    static final Issued CA = root("Test CA", T);
    static final Issued USER = issue(CA, "Signer", T, signer());
    static final Issued OTHER_USER = issue(CA, "Other Signer", T, signer());
    static final Issued DELEGATED = issue(CA, "Delegated Responder", T, responder(true));
    static final Issued DELEGATED_WITHOUT_NO_CHECK = issue(CA, "Delegated Responder Without nocheck", T, responder(false));
    static final Issued CA_CERTIFICATE_NOT_FOR_OCSP = issue(CA, "Not A Responder", T, signer());
    static final Issued EXPIRED_RESPONDER = issue(CA, "Expired Responder", T.minus(Duration.ofDays(60)),
            T.minus(Duration.ofDays(1)), responder(true));
    static final Issued OTHER_CA = root("Other CA", T);
    static final Issued ROGUE = issue(OTHER_CA, "Rogue Responder", T, responder(true));
    static final Issued LOCAL_RESPONDER = issue(OTHER_CA, "Locally Trusted Responder", T, responder(false));

    static final OcspVerifier VERIFIER = OcspVerifier.builder()
            .trusted(List.of(CA.certificate(), LOCAL_RESPONDER.certificate(), OTHER_CA.certificate()))
            .timeMarkResponders(Set.of("Delegated Responder"))
            .provider(TestPki.BC)
            .build();

    static ResponseForge goodFrom(Issued signer) {
        return ResponseForge.signedBy(signer).good(USER.certificate(), CA.certificate(), T, null);
    }

    static OcspCheck check() {
        return OcspCheck.embedded(USER.certificate(), CA.certificate(), LATER).at("S0");
    }

    static List<FindingCode> codes(OcspVerification v) {
        return v.findings().stream().map(Finding::code).toList();
    }

    @Nested
    @DisplayName("RFC 6960 4.2.2.2: who may sign")
    class Responders {

        @Test
        void delegatedResponderWithNoCheckPasses() {
            OcspVerification v = VERIFIER.verify(goodFrom(DELEGATED).parse(), check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.passed()).isTrue();
            assertThat(v.responder().authority()).isEqualTo(Authority.DELEGATED);
            assertThat(v.responder().origin()).isEqualTo(Origin.RESPONSE);
        }

        @Test
        void issuingCaMaySignItself() {
            OcspVerification v = VERIFIER.verify(goodFrom(CA).parse(), check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(Authority.ISSUER);
        }

        @Test
        void locallyTrustedResponderWithOcspSigningMaySignForAnyCa() {
            OcspVerification v = VERIFIER.verify(goodFrom(LOCAL_RESPONDER).parse(), check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(Authority.TRUSTED);
        }

        @Test
        void reissuedCertificateOfATrustedResponderKeyIsTheSameResponder() {
            Issued renewed = TestPki.reissue(OTHER_CA, LOCAL_RESPONDER, T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(90)),
                    responder(false));
            OcspResponse response = goodFrom(LOCAL_RESPONDER).certificates(renewed.certificate()).parse();
            OcspVerification v = VERIFIER.verify(response, check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(Authority.TRUSTED);
            assertThat(v.responder().certificate()).isEqualTo(renewed.certificate());
        }

        @Test
        void sameNameUnderAnotherKeyIsNotTheTrustedResponder() {
            Issued impostor = issue(OTHER_CA, "Locally Trusted Responder", T, responder(false));
            assertThat(codes(VERIFIER.verify(goodFrom(impostor).parse(), check()))).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
        }

        @Test
        void responderOfAnotherCaIsNotAuthorized() {
            OcspVerification v = VERIFIER.verify(goodFrom(ROGUE).parse(), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
            assertThat(v.verified()).isFalse();
        }

        @Test
        void trustedCaCertificateWithoutOcspSigningIsNotAuthorizedForAnotherCa() {
            OcspVerification v = VERIFIER.verify(goodFrom(OTHER_CA).parse(), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
        }

        @Test
        void certificateOfTheCaWithoutOcspSigningIsNotAuthorized() {
            OcspVerification v = VERIFIER.verify(goodFrom(CA_CERTIFICATE_NOT_FOR_OCSP).parse(), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
        }

        @Test
        void delegatedResponderWithoutNoCheckIsAWarning() {
            OcspVerification v = VERIFIER.verify(goodFrom(DELEGATED_WITHOUT_NO_CHECK).parse(), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_STATUS_UNCHECKED);
            assertThat(v.passed()).isTrue();
        }

        @Test
        void responderCertificateFoundNowhereIsUntrusted() {
            OcspResponse response = goodFrom(DELEGATED).certificates().parse();
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_RESPONDER_UNTRUSTED);
        }

        @Test
        void responderCertificateMayComeWithTheSignature() {
            OcspResponse response = goodFrom(DELEGATED).certificates().parse();
            OcspVerification v = VERIFIER.verify(response, check().withCertificates(List.of(DELEGATED.certificate())));
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().origin()).isEqualTo(Origin.SIGNATURE);
        }

        @Test
        void responderExpiredAtProducedAtIsUntrusted() {
            OcspVerification v = VERIFIER.verify(goodFrom(EXPIRED_RESPONDER).parse(), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_UNTRUSTED);
        }

        @Test
        void signatureByAKeyOtherThanTheNamedRespondersIsInvalid() {
            OcspResponse forged = goodFrom(ROGUE)
                    .responderName(org.bouncycastle.asn1.x500.X500Name.getInstance(
                            DELEGATED.certificate().getSubjectX500Principal().getEncoded()))
                    .certificates(DELEGATED.certificate()).parse();
            OcspVerification v = VERIFIER.verify(forged, check());
            assertThat(codes(v)).containsExactly(OCSP_SIGNATURE_INVALID);
            assertThat(v.responder()).isNull();
        }
    }

    @Nested
    @DisplayName("RFC 6960 4.1.1: the response is about the certificate")
    class CertId {

        @Test
        void responseAboutAnotherSerialIsAMismatch() {
            OcspResponse response = ResponseForge.signedBy(DELEGATED).good(OTHER_USER.certificate(), CA.certificate(), T, null).parse();
            OcspVerification v = VERIFIER.verify(response, check());
            assertThat(codes(v)).containsExactly(OCSP_CERT_ID_MISMATCH);
            assertThat(v.status()).isNull();
            assertThat(v.verified()).isFalse();
        }

        @Test
        void sameSerialUnderAnotherIssuersHashesIsAMismatch() {
            OcspResponse response = ResponseForge.signedBy(DELEGATED)
                    .about(ResponseForge.id(USER.serial(), OTHER_CA.certificate()),
                            org.bouncycastle.cert.ocsp.CertificateStatus.GOOD, T, null).parse();
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_CERT_ID_MISMATCH);
        }

        @Test
        void unknownIssuerIsFoundAmongTheCertificatesThatCameWithTheSignature() {
            OcspVerifier untrusting = OcspVerifier.builder().provider(TestPki.BC).build();
            OcspCheck check = OcspCheck.embedded(USER.certificate(), null, LATER).withCertificates(List.of(CA.certificate()));
            OcspVerification v = untrusting.verify(goodFrom(DELEGATED).parse(), check);
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(Authority.DELEGATED);
        }

        @Test
        void selectPrefersTheResponseAboutTheCertificate() {
            OcspResponse other = ResponseForge.signedBy(DELEGATED).good(OTHER_USER.certificate(), CA.certificate(), T, null).parse();
            OcspResponse mine = goodFrom(DELEGATED).parse();
            assertThat(OcspVerifier.select(List.of(other, mine), USER.certificate(), CA.certificate())).containsSame(mine);
            assertThat(OcspVerifier.select(List.of(other), USER.certificate(), null)).containsSame(other);
            assertThat(OcspVerifier.select(List.of(), USER.certificate(), null)).isEmpty();
        }
    }

    @Nested
    @DisplayName("RFC 6960 2.2: the status at the signing time")
    class Status {

        @Test
        void revokedBeforeTheTimestampIsRevokedWithTimeAndReason() {
            Instant revokedAt = T.minus(Duration.ofHours(1));
            OcspResponse response = ResponseForge.signedBy(DELEGATED)
                    .revoked(USER.certificate(), CA.certificate(), T, revokedAt, ResponseForge.KEY_COMPROMISE).parse();
            OcspVerification v = VERIFIER.verify(response, check().withTimestamp(T.minusSeconds(5)));
            assertThat(codes(v)).containsExactly(OCSP_STATUS_REVOKED);
            assertThat(v.verified()).isTrue();
            assertThat(v.status().revocationTime()).isEqualTo(revokedAt);
            assertThat(v.status().revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        }

        @Test
        void revokedAfterTheTimestampIsOnlyAWarning() {
            Instant stamped = T.minus(Duration.ofMinutes(10));
            OcspResponse response = ResponseForge.signedBy(DELEGATED)
                    .revoked(USER.certificate(), CA.certificate(), T, T.minus(Duration.ofMinutes(5)), ResponseForge.KEY_COMPROMISE)
                    .parse();
            OcspVerification v = VERIFIER.verify(response, check().withTimestamp(stamped));
            assertThat(codes(v)).containsExactly(OCSP_REVOKED_AFTER_SIGNING);
            assertThat(v.passed()).isTrue();
        }

        @Test
        void unknownToTheResponderIsUnknown() {
            OcspResponse response = ResponseForge.signedBy(DELEGATED).unknown(USER.certificate(), CA.certificate(), T).parse();
            OcspVerification v = VERIFIER.verify(response, check());
            assertThat(codes(v)).containsExactly(OCSP_STATUS_UNKNOWN);
            assertThat(v.verified()).isTrue();
            assertThat(v.passed()).isFalse();
        }
    }

    @Nested
    @DisplayName("RFC 6960 3.2, 4.2.2.1; BDOC 2.1 5.3: the time window")
    class Window {

        @Test
        void producedAfterTheValidationTimeIsOutOfWindow() {
            OcspCheck early = OcspCheck.embedded(USER.certificate(), CA.certificate(), T.minus(Duration.ofHours(1)));
            assertThat(codes(VERIFIER.verify(goodFrom(DELEGATED).parse(), early))).containsExactly(OCSP_OUT_OF_WINDOW);
        }

        @Test
        void thisUpdateMoreThanTheStatusAgeBeforeProducedAtIsOutOfWindow() {
            OcspResponse old = goodFrom(DELEGATED).producedAt(T.plus(Duration.ofHours(2))).parse();
            assertThat(codes(VERIFIER.verify(old, check()))).containsExactly(OCSP_OUT_OF_WINDOW);
            OcspVerifier relaxed = OcspVerifier.builder().trusted(List.of(CA.certificate())).provider(TestPki.BC)
                    .policy(OcspPolicy.builder().allowStatusAge(Duration.ofHours(3)).build()).build();
            assertThat(relaxed.verify(old, check()).findings()).isEmpty();
        }

        @Test
        void thisUpdateAfterProducedAtIsOutOfWindow() {
            OcspResponse response = goodFrom(DELEGATED).producedAt(T.minus(Duration.ofMinutes(5))).parse();
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_OUT_OF_WINDOW);
        }

        @Test
        void nextUpdateBeforeThisUpdateIsOutOfWindow() {
            OcspResponse response = ResponseForge.signedBy(DELEGATED)
                    .good(USER.certificate(), CA.certificate(), T, T.minus(Duration.ofMinutes(5))).parse();
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_OUT_OF_WINDOW);
        }

        @Test
        void currentAnswerPastItsNextUpdateIsOutOfWindow() {
            OcspResponse response = ResponseForge.signedBy(DELEGATED)
                    .good(USER.certificate(), CA.certificate(), T, T.plus(Duration.ofMinutes(5))).parse();
            OcspCheck now = OcspCheck.current(USER.certificate(), CA.certificate(), T.plus(Duration.ofMinutes(7)));
            assertThat(codes(VERIFIER.verify(response, now))).containsExactly(OCSP_OUT_OF_WINDOW);
            OcspCheck inTime = OcspCheck.current(USER.certificate(), CA.certificate(), T.plus(Duration.ofMinutes(3)));
            assertThat(VERIFIER.verify(response, inTime).findings()).isEmpty();
        }

        @Test
        void producedBeforeTheTimestampIsAnError() {
            OcspVerification v = VERIFIER.verify(goodFrom(DELEGATED).parse(), check().withTimestamp(T.plusSeconds(1)));
            assertThat(codes(v)).containsExactly(OCSP_BEFORE_TIMESTAMP);
        }

        @Test
        void producedMoreThanFifteenMinutesAfterTheTimestampIsAWarning() {
            OcspVerification v = VERIFIER.verify(goodFrom(DELEGATED).parse(), check().withTimestamp(T.minus(Duration.ofMinutes(16))));
            assertThat(codes(v)).containsExactly(OCSP_NOT_FRESH);
            assertThat(v.passed()).isTrue();
        }

        @Test
        void producedMoreThanADayAfterTheTimestampIsAnError() {
            OcspVerification v = VERIFIER.verify(goodFrom(DELEGATED).parse(),
                    check().withTimestamp(T.minus(Duration.ofHours(24)).minusSeconds(1)));
            assertThat(codes(v)).containsExactly(OCSP_TOO_LATE_AFTER_TIMESTAMP);
            assertThat(v.passed()).isFalse();
        }

        @Test
        void producedADayAfterTheTimestampIsStillOnlyNotFresh() {
            OcspVerification v = VERIFIER.verify(goodFrom(DELEGATED).parse(), check().withTimestamp(T.minus(Duration.ofHours(24))));
            assertThat(codes(v)).containsExactly(OCSP_NOT_FRESH);
            assertThat(v.passed()).isTrue();
        }

        @Test
        void policyRefusesToleranceBeyondItsCaps() {
            assertThatThrownBy(() -> OcspPolicy.builder().allowClockSkew(Duration.ofMinutes(11)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> OcspPolicy.builder().allowStatusAge(Duration.ofDays(8)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("BDOC 2.1 5.3: the time-mark")
    class TimeMark {

        final byte[] signatureValue = {1, 2, 3, 4, 5};

        byte[] digestInfo(byte[] value) throws NoSuchAlgorithmException, IOException {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value);
            return new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), digest).getEncoded();
        }

        @Test
        void nonceBindingTheSignatureValuePasses() throws Exception {
            OcspResponse response = goodFrom(DELEGATED).nonceExtension(digestInfo(signatureValue)).parse();
            assertThat(VERIFIER.verify(response, check().withTimeMark(signatureValue)).findings()).isEmpty();
        }

        @Test
        void missingNonceIsTmNonceMissing() {
            OcspVerification v = VERIFIER.verify(goodFrom(DELEGATED).parse(), check().withTimeMark(signatureValue));
            assertThat(codes(v)).containsExactly(TM_OCSP_NONCE_MISSING);
        }

        @Test
        void nonceOfAnotherSignatureValueIsTmNonceMismatch() throws Exception {
            OcspResponse response = goodFrom(DELEGATED).nonceExtension(digestInfo(new byte[] {9})).parse();
            assertThat(codes(VERIFIER.verify(response, check().withTimeMark(signatureValue)))).containsExactly(TM_OCSP_NONCE_MISMATCH);
        }

        @Test
        void responderNotAllowedToIssueTimeMarks() throws Exception {
            OcspResponse response = goodFrom(CA).nonceExtension(digestInfo(signatureValue)).parse();
            assertThat(codes(VERIFIER.verify(response, check().withTimeMark(signatureValue)))).containsExactly(TM_RESPONDER_NOT_ALLOWED);
        }

        @Test
        void timeMarkResponderCertificateKnownOnlyFromTrustIsNotAllowed() throws Exception {
            OcspVerifier trustingDelegated = OcspVerifier.builder().provider(TestPki.BC)
                    .trusted(List.of(CA.certificate(), DELEGATED.certificate()))
                    .timeMarkResponders(Set.of("Delegated Responder")).build();
            OcspResponse response = goodFrom(DELEGATED).certificates().nonceExtension(digestInfo(signatureValue)).parse();
            OcspVerification v = trustingDelegated.verify(response, check().withTimeMark(signatureValue));
            assertThat(codes(v)).containsExactly(TM_RESPONDER_NOT_ALLOWED);
            assertThat(v.responder().origin()).isEqualTo(Origin.TRUST);
        }
    }
}
