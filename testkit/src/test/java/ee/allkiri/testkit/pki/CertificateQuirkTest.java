package ee.allkiri.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.TestPkis;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Personas whose certificate is no signing certificate differ from a normal ID-card in that one respect. */
class CertificateQuirkTest {

    private static final TestPki PKI = TestPkis.SEED_1;
    private static final Personas PERSONAS = new Personas(PKI);

    @Test
    @DisplayName("each quirk: its extension, and otherwise an ID-card of the ESTEID2018 CA with nonRepudiation")
    void quirks() throws Exception {
        X509Certificate critical = PERSONAS.unknownCriticalExtension().certificate();
        assertThat(critical.getCriticalExtensionOIDs()).contains(CertificateQuirk.UNKNOWN_EXTENSION_OID);

        X509Certificate ca = PERSONAS.caCertificate().certificate();
        assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19");

        assertThat(PERSONAS.timeStampingCertificate().certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(PERSONAS.timeStampingCertificate().certificate().getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(PERSONAS.ocspSigningCertificate().certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        X509Certificate clientAuth = PERSONAS.clientAuthOnly().certificate();
        assertThat(clientAuth.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(clientAuth.getNonCriticalExtensionOIDs()).contains("2.5.29.37");

        for (Persona p : List.of(PERSONAS.unknownCriticalExtension(), PERSONAS.caCertificate(), PERSONAS.timeStampingCertificate(),
                PERSONAS.ocspSigningCertificate(), PERSONAS.clientAuthOnly())) {
            assertThat(p.issuer()).isEqualTo(PKI.esteid2018());
            assertThat(p.certificate().getKeyUsage()[1]).as("nonRepudiation of %s", p).isTrue();
            p.certificate().verify(PKI.esteid2018().certificate().getPublicKey());
        }
        assertThat(PERSONAS.idCard().certificate().getExtendedKeyUsage()).isNull();
        assertThat(PERSONAS.idCard().certificate().getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    @DisplayName("a spec without quirks keeps the label it always had (so keys and serial numbers do not change)")
    void labelWithoutQuirks() {
        PersonaSpec plain = PersonaSpec.idCard("Kadri", "Tamm", PersonalCodes.of(LocalDate.of(1985, 3, 12), true, 21));
        assertThat(plain.label()).isEqualTo("ID_CARD:" + plain.code() + ":Kadri:Tamm:null:false:false:true:null:null:null");
        assertThat(plain.withQuirk(CertificateQuirk.CA).label()).isEqualTo(plain.label() + ":[CA]");
        assertThat(plain.withQuirk(CertificateQuirk.CA).withRevokedAt(PKI.epoch()).quirks()).containsExactly(CertificateQuirk.CA);
    }
}
