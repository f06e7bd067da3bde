package ee.allkiri.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.PersonalCode;
import ee.allkiri.core.Signer;
import ee.allkiri.core.internal.SignerIdentity;
import ee.allkiri.core.TokenType;
import ee.allkiri.testkit.TestPkis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

    private static final TestPki PKI = TestPkis.SEED_1;
    private static final Personas PERSONAS = new Personas(PKI);

    @Test
    @DisplayName("the same seed gives the same certificates; another seed other ones")
    void deterministicFromSeed() throws Exception {
        TestPki again = TestPki.builder().seed(1).keys(new KeyCache(PKI.provider())).build();
        TestPki other = TestPki.builder().seed(2).keys(new KeyCache(PKI.provider())).build();

        assertThat(again.root().certificate().getEncoded()).isEqualTo(PKI.root().certificate().getEncoded());
        assertThat(new Personas(again).idCard().certificate().getEncoded())
                .isEqualTo(PERSONAS.idCard().certificate().getEncoded());
        assertThat(other.root().certificate().getEncoded()).isNotEqualTo(PKI.root().certificate().getEncoded());
    }

    @Test
    @DisplayName("personas read back as the token type, personal code and TEST flag allkiri's core derives")
    void personasHaveTheirTokenTypes() {
        assertThat(identity(PERSONAS.idCard())).extracting(Signer::tokenType, Signer::personalCodeValid, Signer::test)
                .containsExactly(TokenType.ID_CARD, true, false);
        assertThat(identity(PERSONAS.digiId()).tokenType()).isEqualTo(TokenType.DIGI_ID);
        assertThat(identity(PERSONAS.eResident()).tokenType()).isEqualTo(TokenType.E_RESIDENT_DIGI_ID);
        assertThat(identity(PERSONAS.mobileId()).tokenType()).isEqualTo(TokenType.MOBILE_ID);
        assertThat(identity(PERSONAS.smartId()).tokenType()).isEqualTo(TokenType.SMART_ID);
        assertThat(identity(PERSONAS.plainIdCard()).tokenType()).isEqualTo(TokenType.ID_CARD);
        assertThat(identity(PERSONAS.eSeal())).extracting(Signer::tokenType, Signer::personalCode)
                .containsExactly(TokenType.E_SEAL, null);
        assertThat(identity(PERSONAS.test()).test()).isTrue();
        assertThat(identity(PERSONAS.badChecksum()).personalCodeValid()).isFalse();
    }

    @Test
    @DisplayName("a pre-2018 e-resident digi-ID (digi-ID policy, O=ESTEID (DIGI-ID E-RESIDENT)) reads back as E_RESIDENT_DIGI_ID")
    void oldEResidentDigiId() {
        Persona old = PERSONAS.oldEResident();
        assertThat(SignerIdentity.policies(old.certificate())).containsExactly("1.3.6.1.4.1.10015.1.2");
        assertThat(old.certificate().getSubjectX500Principal().getName()).contains("O=ESTEID (DIGI-ID E-RESIDENT)");
        assertThat(identity(old)).extracting(Signer::tokenType, Signer::personalCode, Signer::personalCodeValid)
                .containsExactly(TokenType.E_RESIDENT_DIGI_ID, old.code(), true);
    }

    @Test
    @DisplayName("ID-card and passport numbers read back with their type, never as a personal code")
    void documentNumbersAreNotPersonalCodes() {
        assertThat(identity(PERSONAS.idCardNumber())).extracting(Signer::identifierType, Signer::identifier,
                Signer::personalCode, Signer::personalCodeValid, Signer::tokenType)
                .containsExactly("IDC", "AB1234567", null, false, TokenType.ID_CARD);
        assertThat(identity(PERSONAS.passportSmartId())).extracting(Signer::identifierType, Signer::identifier,
                Signer::personalCode, Signer::personalCodeValid, Signer::tokenType, Signer::commonName)
                .containsExactly("PAS", "K0123456", null, false, TokenType.SMART_ID, "TAMM,KADRI,PASEE-K0123456");
        String lookalike = PersonalCodes.withWrongCheckDigit(PERSONAS.idCard().code());
        Signer idc = identity(PKI.persona(PersonaSpec.idCard("Olev", "Kaart", lookalike).withIdentifier("IDC", "EE", lookalike)));
        assertThat(idc).extracting(Signer::identifierType, Signer::personalCode, Signer::personalCodeValid)
                .containsExactly("IDC", null, false);
        assertThat(identity(PERSONAS.idCard())).extracting(Signer::identifierType, Signer::identifier)
                .containsExactly("PNO", PERSONAS.idCard().code());
        assertThat(identity(PERSONAS.plainIdCard()).identifierType()).isEqualTo("PNO");
        Signer latvian = identity(PKI.persona(PersonaSpec.smartId("Janis", "Berzins", "321806-14495")
                .withIdentifier("PNO", "LV", "321806-14495")));
        assertThat(latvian).extracting(Signer::country, Signer::personalCode, Signer::personalCodeValid)
                .containsExactly("LV", "321806-14495", true);
    }

    @Test
    @DisplayName("new certificates carry PNOEE- serialNumbers, old ones the bare code")
    void serialNumberForms() {
        assertThat(PERSONAS.idCard().certificate().getSubjectX500Principal().getName())
                .contains("2.5.4.5=#1311504e4f45452d");
        String plain = PERSONAS.plainIdCard().certificate().getSubjectX500Principal().getName();
        assertThat(plain).contains("2.5.4.5=#130b" + hex(PERSONAS.plainIdCard().code()));
        assertThat(PersonalCode.estonian(PERSONAS.plainIdCard().code()).isWellFormed()).isTrue();
    }

    @Test
    @DisplayName("signing certificates have nonRepudiation, qcStatements and an OCSP URL")
    void signingCertificateExtensions() throws Exception {
        X509Certificate c = PERSONAS.mobileId().certificate();
        assertThat(c.getKeyUsage()[1]).isTrue();
        assertThat(c.getExtensionValue(Extension.qCStatements.getId())).isNotNull();
        assertThat(c.getExtensionValue(Extension.authorityInfoAccess.getId())).isNotNull();
        assertThat(c.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(PERSONAS.authentication().certificate().getKeyUsage()[1]).isFalse();
        c.verify(PKI.eidQ().certificate().getPublicKey());
    }

    @Test
    @DisplayName("the OCSP responders are delegated (OCSPSigning, ocsp-nocheck), the TSA has a critical timeStamping EKU")
    void serviceCertificates() throws Exception {
        X509Certificate responder = PKI.ocspResponder(PKI.esteid2018()).certificate();
        assertThat(responder.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        assertThat(responder.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId())).isNotNull();
        assertThat(responder.getIssuerX500Principal()).isEqualTo(PKI.esteid2018().certificate().getSubjectX500Principal());
        X509Certificate tsa = PKI.tsa().certificate();
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(SignerIdentity.of(PKI.timeMarkResponder().certificate()).commonName()).isEqualTo(TestPki.TIME_MARK_RESPONDER);
    }

    @Test
    @DisplayName("responders made to order: nocheck or not, their validity, one key per key label")
    void respondersMadeToOrder() throws Exception {
        ResponderSpec spec = ResponderSpec.of("MADE TO ORDER RESPONDER", PKI.eidQ());
        X509Certificate plain = PKI.responder(spec).certificate();
        X509Certificate again = PKI.responder(spec).certificate();
        X509Certificate checked = PKI.responder(spec.withoutNoCheck()).certificate();
        Instant from = PKI.epoch().minus(Duration.ofDays(60));
        Instant until = PKI.epoch().minus(Duration.ofDays(1));
        X509Certificate expired = PKI.responder(spec.withValidity(from, until)).certificate();
        X509Certificate otherKey = PKI.responder(spec.withKey("another")).certificate();

        assertThat(again.getEncoded()).isEqualTo(plain.getEncoded());
        assertThat(plain.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        assertThat(plain.getIssuerX500Principal()).isEqualTo(PKI.eidQ().certificate().getSubjectX500Principal());
        plain.verify(PKI.eidQ().certificate().getPublicKey());
        assertThat(plain.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId())).isNotNull();
        assertThat(checked.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId())).isNull();
        assertThat(expired.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(expired.getNotAfter().toInstant()).isEqualTo(until);
        assertThat(expired.getPublicKey()).isEqualTo(plain.getPublicKey());
        assertThat(expired.getSerialNumber()).isNotEqualTo(plain.getSerialNumber());
        assertThat(otherKey.getSubjectX500Principal()).isEqualTo(plain.getSubjectX500Principal());
        assertThat(otherKey.getPublicKey()).isNotEqualTo(plain.getPublicKey());
    }

    @Test
    @DisplayName("a persona's AIA names the PKI's OCSP URL, or the one its spec gives")
    void personaOcspUrl() {
        Persona usual = PERSONAS.idCard();
        Persona elsewhere = PKI.persona(usual.spec().withOcspUrl("http://127.0.0.1:9/ocsp"));
        assertThat(aia(usual)).contains(PKI.ocspUrl(PKI.esteid2018())).doesNotContain("127.0.0.1");
        assertThat(aia(elsewhere)).contains("http://127.0.0.1:9/ocsp").doesNotContain(PKI.ocspUrl(PKI.esteid2018()));
        assertThat(elsewhere.certificate().getSerialNumber()).isNotEqualTo(usual.certificate().getSerialNumber());
    }

    private static String aia(Persona persona) {
        byte[] extension = persona.certificate().getExtensionValue(Extension.authorityInfoAccess.getId());
        return new String(extension, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("revoked, expired and not-yet-valid personas are so relative to the epoch")
    void lifecyclePersonas() {
        assertThat(PERSONAS.revoked().revokedAt()).isBefore(PKI.epoch());
        assertThat(PERSONAS.expired().certificate().getNotAfter().toInstant()).isBefore(PKI.epoch());
        assertThat(PERSONAS.notYetValid().certificate().getNotBefore().toInstant()).isAfter(PKI.epoch());
        assertThat(PKI.persona(PERSONAS.revoked().certificate().getSerialNumber())).contains(PERSONAS.revoked());
    }

    @Test
    @DisplayName("the trust directory holds one PEM per anchor and none of the untrusted TSA")
    void writesTrust(@TempDir Path dir) throws Exception {
        PKI.writeTrust(dir);
        List<String> files;
        try (var list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).hasSize(PKI.trustAnchors().size()).allMatch(f -> f.endsWith(".pem"))
                .contains("allkiri-root-g1e.pem", "test-of-sk-ocsp-responder-2020.pem")
                .noneMatch(f -> f.contains("untrusted"));
    }

    private static Signer identity(Persona persona) {
        return SignerIdentity.of(persona.certificate());
    }

    private static String hex(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(String.format("%02x", (int) c));
        }
        return b.toString();
    }
}
