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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.spi.RevocationReason;
import ee.allkiri.ocsp.OcspPolicy;
import ee.allkiri.ocsp.internal.OcspVerification.Origin;
import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.ResponderSpec;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.OcspResponder;
import ee.allkiri.testkit.service.OcspResponder.ResponseBuilder;
import ee.allkiri.testkit.service.OcspStatus;
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

/**
 * The checks on one OCSP response, each failing alone. The certificates are the testkit PKI's:
 * its ESTEID2018-like CA with its delegated responder and ID-card signers, its EID-Q-like CA as
 * another CA with its responder not authorized for the first, and responders made to order.
 */
class OcspVerifierTest {

    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant LATER = T.plus(Duration.ofDays(7));

    static final TestPki PKI = TestPki.builder().seed(6960).epoch(T).build();
    static final Personas PERSONAS = new Personas(PKI);
    static final Authority CA = PKI.esteid2018();
    static final Persona USER = PERSONAS.idCard();
    static final Persona OTHER_USER = PERSONAS.digiId();
    static final Authority DELEGATED = PKI.ocspResponder(CA);
    static final Authority DELEGATED_WITHOUT_NO_CHECK = PKI.responder(
            ResponderSpec.of("Delegated Responder Without nocheck", CA).withoutNoCheck());
    /** A signer's certificate the CA issued, its key signing responses. */
    static final Authority CA_CERTIFICATE_NOT_FOR_OCSP = keyOf(PERSONAS.eResident());
    static final Authority EXPIRED_RESPONDER = PKI.responder(ResponderSpec.of("Expired Responder", CA)
            .withValidity(T.minus(Duration.ofDays(60)), T.minus(Duration.ofDays(1))));
    static final Authority OTHER_CA = PKI.eidQ();
    /** The other CA's responder. */
    static final Authority ROGUE = PKI.rogueResponder();
    static final ResponderSpec LOCAL = ResponderSpec.of("Locally Trusted Responder", OTHER_CA).withoutNoCheck();
    static final Authority LOCAL_RESPONDER = PKI.responder(LOCAL);

    static final OcspVerifier VERIFIER = OcspVerifier.builder()
            .trusted(List.of(CA.certificate(), LOCAL_RESPONDER.certificate(), OTHER_CA.certificate()))
            .timeMarkResponders(Set.of(DELEGATED.commonName()))
            .provider(PKI.provider())
            .build();

    static Authority keyOf(Persona persona) {
        return new Authority(persona.code(), persona.certificate(), persona.signer(), persona.issuer());
    }

    static ResponseBuilder from(Authority signer) {
        return new OcspResponder(signer).response();
    }

    static ResponseBuilder goodFrom(Authority signer) {
        return from(signer).good(USER.certificate(), CA.certificate(), T, null);
    }

    static OcspResponse parse(ResponseBuilder response) {
        try {
            return OcspResponse.parse(response.build());
        } catch (OcspFormatException e) {
            throw new IllegalStateException(e);
        }
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
            OcspVerification v = VERIFIER.verify(parse(goodFrom(DELEGATED)), check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.passed()).isTrue();
            assertThat(v.responder().authority()).isEqualTo(OcspVerification.Authority.DELEGATED);
            assertThat(v.responder().origin()).isEqualTo(Origin.RESPONSE);
        }

        @Test
        void issuingCaMaySignItself() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(CA)), check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(OcspVerification.Authority.ISSUER);
        }

        @Test
        void locallyTrustedResponderWithOcspSigningMaySignForAnyCa() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(LOCAL_RESPONDER)), check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(OcspVerification.Authority.TRUSTED);
        }

        @Test
        void reissuedCertificateOfATrustedResponderKeyIsTheSameResponder() {
            Authority renewed = PKI.responder(
                    LOCAL.withValidity(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(90))));
            OcspResponse response = parse(goodFrom(LOCAL_RESPONDER).certificates(renewed.certificate()));
            OcspVerification v = VERIFIER.verify(response, check());
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(OcspVerification.Authority.TRUSTED);
            assertThat(v.responder().certificate()).isEqualTo(renewed.certificate());
        }

        @Test
        void sameNameUnderAnotherKeyIsNotTheTrustedResponder() {
            Authority impostor = PKI.responder(LOCAL.withKey("impostor"));
            assertThat(codes(VERIFIER.verify(parse(goodFrom(impostor)), check()))).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
        }

        @Test
        void responderOfAnotherCaIsNotAuthorized() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(ROGUE)), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
            assertThat(v.verified()).isFalse();
        }

        @Test
        void trustedCaCertificateWithoutOcspSigningIsNotAuthorizedForAnotherCa() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(OTHER_CA)), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
        }

        @Test
        void certificateOfTheCaWithoutOcspSigningIsNotAuthorized() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(CA_CERTIFICATE_NOT_FOR_OCSP)), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_NOT_AUTHORIZED);
        }

        @Test
        void delegatedResponderWithoutNoCheckIsAWarning() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(DELEGATED_WITHOUT_NO_CHECK)), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_STATUS_UNCHECKED);
            assertThat(v.passed()).isTrue();
        }

        @Test
        void responderCertificateFoundNowhereIsUntrusted() {
            OcspResponse response = parse(goodFrom(DELEGATED).certificates());
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_RESPONDER_UNTRUSTED);
        }

        @Test
        void responderCertificateMayComeWithTheSignature() {
            OcspResponse response = parse(goodFrom(DELEGATED).certificates());
            OcspVerification v = VERIFIER.verify(response, check().withCertificates(List.of(DELEGATED.certificate())));
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().origin()).isEqualTo(Origin.SIGNATURE);
        }

        @Test
        void responderExpiredAtProducedAtIsUntrusted() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(EXPIRED_RESPONDER)), check());
            assertThat(codes(v)).containsExactly(OCSP_RESPONDER_UNTRUSTED);
        }

        @Test
        void signatureByAKeyOtherThanTheNamedRespondersIsInvalid() {
            OcspResponse forged = parse(goodFrom(ROGUE)
                    .responderName(org.bouncycastle.asn1.x500.X500Name.getInstance(
                            DELEGATED.certificate().getSubjectX500Principal().getEncoded()))
                    .certificates(DELEGATED.certificate()));
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
            OcspResponse response = parse(from(DELEGATED).good(OTHER_USER.certificate(), CA.certificate(), T, null));
            OcspVerification v = VERIFIER.verify(response, check());
            assertThat(codes(v)).containsExactly(OCSP_CERT_ID_MISMATCH);
            assertThat(v.status()).isNull();
            assertThat(v.verified()).isFalse();
        }

        @Test
        void sameSerialUnderAnotherIssuersHashesIsAMismatch() {
            OcspResponse response = parse(from(DELEGATED)
                    .about(OcspResponder.certificateId(OTHER_CA.certificate(), USER.certificate().getSerialNumber()),
                            OcspStatus.GOOD, T, null));
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_CERT_ID_MISMATCH);
        }

        @Test
        void unknownIssuerIsFoundAmongTheCertificatesThatCameWithTheSignature() {
            OcspVerifier untrusting = OcspVerifier.builder().provider(PKI.provider()).build();
            OcspCheck check = OcspCheck.embedded(USER.certificate(), null, LATER).withCertificates(List.of(CA.certificate()));
            OcspVerification v = untrusting.verify(parse(goodFrom(DELEGATED)), check);
            assertThat(v.findings()).isEmpty();
            assertThat(v.responder().authority()).isEqualTo(OcspVerification.Authority.DELEGATED);
        }

        @Test
        void selectPrefersTheResponseAboutTheCertificate() {
            OcspResponse other = parse(from(DELEGATED).good(OTHER_USER.certificate(), CA.certificate(), T, null));
            OcspResponse mine = parse(goodFrom(DELEGATED));
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
            OcspResponse response = parse(from(DELEGATED)
                    .revoked(USER.certificate(), CA.certificate(), T, revokedAt));
            OcspVerification v = VERIFIER.verify(response, check().withTimestamp(T.minusSeconds(5)));
            assertThat(codes(v)).containsExactly(OCSP_STATUS_REVOKED);
            assertThat(v.verified()).isTrue();
            assertThat(v.status().revocationTime()).isEqualTo(revokedAt);
            assertThat(v.status().revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        }

        @Test
        void revokedAfterTheTimestampIsOnlyAWarning() {
            Instant stamped = T.minus(Duration.ofMinutes(10));
            OcspResponse response = parse(from(DELEGATED)
                    .revoked(USER.certificate(), CA.certificate(), T, T.minus(Duration.ofMinutes(5))));
            OcspVerification v = VERIFIER.verify(response, check().withTimestamp(stamped));
            assertThat(codes(v)).containsExactly(OCSP_REVOKED_AFTER_SIGNING);
            assertThat(v.passed()).isTrue();
        }

        @Test
        void unknownToTheResponderIsUnknown() {
            OcspResponse response = parse(from(DELEGATED).unknown(USER.certificate(), CA.certificate(), T));
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
            assertThat(codes(VERIFIER.verify(parse(goodFrom(DELEGATED)), early))).containsExactly(OCSP_OUT_OF_WINDOW);
        }

        @Test
        void thisUpdateMoreThanTheStatusAgeBeforeProducedAtIsOutOfWindow() {
            OcspResponse old = parse(goodFrom(DELEGATED).producedAt(T.plus(Duration.ofHours(2))));
            assertThat(codes(VERIFIER.verify(old, check()))).containsExactly(OCSP_OUT_OF_WINDOW);
            OcspVerifier relaxed = OcspVerifier.builder().trusted(List.of(CA.certificate())).provider(PKI.provider())
                    .policy(OcspPolicy.builder().allowStatusAge(Duration.ofHours(3)).build()).build();
            assertThat(relaxed.verify(old, check()).findings()).isEmpty();
        }

        @Test
        void thisUpdateAfterProducedAtIsOutOfWindow() {
            OcspResponse response = parse(goodFrom(DELEGATED).producedAt(T.minus(Duration.ofMinutes(5))));
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_OUT_OF_WINDOW);
        }

        @Test
        void nextUpdateBeforeThisUpdateIsOutOfWindow() {
            OcspResponse response = parse(from(DELEGATED)
                    .good(USER.certificate(), CA.certificate(), T, T.minus(Duration.ofMinutes(5))));
            assertThat(codes(VERIFIER.verify(response, check()))).containsExactly(OCSP_OUT_OF_WINDOW);
        }

        @Test
        void currentAnswerPastItsNextUpdateIsOutOfWindow() {
            OcspResponse response = parse(from(DELEGATED)
                    .good(USER.certificate(), CA.certificate(), T, T.plus(Duration.ofMinutes(5))));
            OcspCheck now = OcspCheck.current(USER.certificate(), CA.certificate(), T.plus(Duration.ofMinutes(7)));
            assertThat(codes(VERIFIER.verify(response, now))).containsExactly(OCSP_OUT_OF_WINDOW);
            OcspCheck inTime = OcspCheck.current(USER.certificate(), CA.certificate(), T.plus(Duration.ofMinutes(3)));
            assertThat(VERIFIER.verify(response, inTime).findings()).isEmpty();
        }

        @Test
        void producedBeforeTheTimestampIsAnError() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(DELEGATED)), check().withTimestamp(T.plusSeconds(1)));
            assertThat(codes(v)).containsExactly(OCSP_BEFORE_TIMESTAMP);
        }

        @Test
        void producedMoreThanFifteenMinutesAfterTheTimestampIsAWarning() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(DELEGATED)), check().withTimestamp(T.minus(Duration.ofMinutes(16))));
            assertThat(codes(v)).containsExactly(OCSP_NOT_FRESH);
            assertThat(v.passed()).isTrue();
        }

        @Test
        void producedMoreThanADayAfterTheTimestampIsAnError() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(DELEGATED)),
                    check().withTimestamp(T.minus(Duration.ofHours(24)).minusSeconds(1)));
            assertThat(codes(v)).containsExactly(OCSP_TOO_LATE_AFTER_TIMESTAMP);
            assertThat(v.passed()).isFalse();
        }

        @Test
        void producedADayAfterTheTimestampIsStillOnlyNotFresh() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(DELEGATED)), check().withTimestamp(T.minus(Duration.ofHours(24))));
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
            OcspResponse response = parse(goodFrom(DELEGATED).nonceExtension(digestInfo(signatureValue)));
            assertThat(VERIFIER.verify(response, check().withTimeMark(signatureValue)).findings()).isEmpty();
        }

        @Test
        void missingNonceIsTmNonceMissing() {
            OcspVerification v = VERIFIER.verify(parse(goodFrom(DELEGATED)), check().withTimeMark(signatureValue));
            assertThat(codes(v)).containsExactly(TM_OCSP_NONCE_MISSING);
        }

        @Test
        void nonceOfAnotherSignatureValueIsTmNonceMismatch() throws Exception {
            OcspResponse response = parse(goodFrom(DELEGATED).nonceExtension(digestInfo(new byte[] {9})));
            assertThat(codes(VERIFIER.verify(response, check().withTimeMark(signatureValue)))).containsExactly(TM_OCSP_NONCE_MISMATCH);
        }

        @Test
        void responderNotAllowedToIssueTimeMarks() throws Exception {
            OcspResponse response = parse(goodFrom(CA).nonceExtension(digestInfo(signatureValue)));
            assertThat(codes(VERIFIER.verify(response, check().withTimeMark(signatureValue)))).containsExactly(TM_RESPONDER_NOT_ALLOWED);
        }

        @Test
        void timeMarkResponderCertificateKnownOnlyFromTrustIsNotAllowed() throws Exception {
            OcspVerifier trustingDelegated = OcspVerifier.builder().provider(PKI.provider())
                    .trusted(List.of(CA.certificate(), DELEGATED.certificate()))
                    .timeMarkResponders(Set.of(DELEGATED.commonName())).build();
            OcspResponse response = parse(goodFrom(DELEGATED).certificates().nonceExtension(digestInfo(signatureValue)));
            OcspVerification v = trustingDelegated.verify(response, check().withTimeMark(signatureValue));
            assertThat(codes(v)).containsExactly(TM_RESPONDER_NOT_ALLOWED);
            assertThat(v.responder().origin()).isEqualTo(Origin.TRUST);
        }
    }
}
