package ee.allkiri.testkit.service;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.TestPkis;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.TestPki;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The evidence the red team forges: SHA-1 signed responses and tokens, several SingleResponses, an old thisUpdate. */
class SunsetEvidenceTest {

    private static final TestPki PKI = TestPkis.SEED_1;
    private static final Personas PERSONAS = new Personas(PKI);
    private static final Instant NOW = PKI.epoch().plusSeconds(3600);

    @Test
    @DisplayName("an OCSP response signed with SHA-1 says so in its algorithm and verifies")
    void sha1Ocsp() throws Exception {
        Persona persona = PERSONAS.idCard();
        byte[] der = new OcspResponder(PKI.ocspResponder(persona)).withDigest("SHA-1").respond(persona.certificate(),
                persona.issuer().certificate(), OcspStatus.GOOD, NOW, null);
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();

        assertThat(basic.getSignatureAlgOID()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA1);
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(PKI.ocspResponder(persona).certificate()))).isTrue();
    }

    @Test
    @DisplayName("one response may carry several SingleResponses, each with its own status and thisUpdate")
    void severalSingles() throws Exception {
        Persona persona = PERSONAS.idCard();
        var id = OcspResponder.certificateId(persona.issuer().certificate(), persona.certificate().getSerialNumber());
        Instant old = NOW.minus(Duration.ofDays(40));
        byte[] der = new OcspResponder(PKI.ocspResponder(persona)).respond(List.of(new OcspResponder.Single(id, OcspStatus.GOOD),
                new OcspResponder.Single(id, OcspStatus.revoked(old), old)), NOW, null);
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();

        assertThat(basic.getResponses()).hasSize(2);
        assertThat(basic.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(basic.getResponses()[0].getThisUpdate().toInstant()).isEqualTo(NOW);
        assertThat(basic.getResponses()[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(basic.getResponses()[1].getThisUpdate().toInstant()).isEqualTo(old);
    }

    @Test
    @DisplayName("a time-stamp token signed with SHA-1, over a SHA-1 imprint, verifies with the unit's certificate")
    void sha1Token() throws Exception {
        byte[] imprint = MessageDigest.getInstance("SHA-1").digest(new byte[] {1});
        byte[] der = new TimeStampAuthority(PKI.tsa()).withDigest("SHA-1").token(TSPAlgorithms.SHA1, imprint, NOW);
        TimeStampToken token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(der));

        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(OIWObjectIdentifiers.idSHA1);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getEncryptionAlgOID())
                .isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA1.getId());
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(new X509CertificateHolder(PKI.tsa().certificate().getEncoded())));
    }
}
