package ee.allkiri.testkit.service;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.TestPkis;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.TestPki;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServicesTest {

    private static final TestPki PKI = TestPkis.SEED_1;
    private static final Personas PERSONAS = new Personas(PKI);
    private static final Instant NOW = PKI.epoch().plusSeconds(3600);

    @Test
    @DisplayName("an OCSP response is signed by the responder, names it, and echoes the nonce")
    void ocspResponse() throws Exception {
        Persona persona = PERSONAS.idCard();
        byte[] der = new OcspResponder(PKI.ocspResponder(persona)).respond(persona.certificate(),
                persona.issuer().certificate(), OcspStatus.GOOD, NOW, new byte[] {4, 2, 1, 2});
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();

        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(PKI.ocspResponder(persona).certificate()))).isTrue();
        assertThat(basic.getProducedAt().toInstant()).isEqualTo(NOW);
        assertThat(basic.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .containsExactly(4, 2, 1, 2);
    }

    @Test
    @DisplayName("a response built by hand: another responder named, other certificates, nextUpdate, statuses, a raw nonce")
    void responseBuiltByHand() throws Exception {
        Persona persona = PERSONAS.idCard();
        X509Certificate issuer = persona.issuer().certificate();
        X500Name other = X500Name.getInstance(PKI.rogueResponder().certificate().getSubjectX500Principal().getEncoded());
        byte[] der = new OcspResponder(PKI.ocspResponder(persona)).response()
                .good(persona.certificate(), issuer, NOW, NOW.plusSeconds(300))
                .revoked(PERSONAS.revoked().certificate(), issuer, NOW, NOW.minusSeconds(60))
                .unknown(PERSONAS.digiId().certificate(), issuer, NOW)
                .producedAt(NOW.plusSeconds(1))
                .responderName(other)
                .certificates()
                .nonceExtension(new byte[] {7, 7})
                .build();
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();

        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(PKI.ocspResponder(persona).certificate()))).isTrue();
        assertThat(basic.getResponderId().toASN1Primitive().getName()).isEqualTo(other);
        assertThat(basic.getCerts()).isEmpty();
        assertThat(basic.getProducedAt().toInstant()).isEqualTo(NOW.plusSeconds(1));
        assertThat(basic.getResponses()).hasSize(3);
        assertThat(basic.getResponses()[0].getNextUpdate().toInstant()).isEqualTo(NOW.plusSeconds(300));
        assertThat(basic.getResponses()[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(basic.getResponses()[2].getCertStatus()).isInstanceOf(UnknownStatus.class);
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .containsExactly(7, 7);
    }

    @Test
    @DisplayName("a time-stamp token carries the imprint, the time and the TSA's certificate")
    void timeStampToken() throws Exception {
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(new byte[] {1});
        byte[] der = new TimeStampAuthority(PKI.tsa()).token(imprint, NOW);
        TimeStampToken token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(der));

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(NOW);
        assertThat(token.getCertificates().getMatches(null)).hasSize(1);
        assertThat(new TimeStampAuthority(PKI.tsa()).token(imprint, NOW)).isEqualTo(der);
    }

    @Test
    @DisplayName("over loopback HTTP: OCSP answers with the persona's status and the nonce, the TSA grants")
    void loopbackServices() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (LoopbackServices services = LoopbackServices.start(PKI, Clock.fixed(NOW, ZoneOffset.UTC))) {
            Persona revoked = PERSONAS.revoked();
            byte[] request = new OCSPReqBuilder()
                    .addRequest(OcspResponder.certificateId(revoked.issuer().certificate(), revoked.certificate().getSerialNumber()))
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(new byte[] {9, 9}))))
                    .build().getEncoded();
            OCSPResp ocsp = new OCSPResp(post(http, services.ocspUrl(), "application/ocsp-request", request));
            BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
            assertThat(basic.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
            assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                    .containsExactly(9, 9);
            assertThat(new X509CertificateHolder(basic.getCerts()[0].getEncoded()).getSubject().toString())
                    .contains(PKI.ocspResponder(revoked).commonName());

            byte[] unknown = new OCSPReqBuilder().addRequest(OcspResponder.certificateId(PKI.esteid2018().certificate(),
                    BigInteger.TEN)).build().getEncoded();
            assertThat(new OCSPResp(post(http, services.ocspUrl(), "application/ocsp-request", unknown)).getStatus())
                    .isEqualTo(OCSPResp.UNAUTHORIZED);

            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            byte[] tsq = generator.generate(TSPAlgorithms.SHA256, new byte[32]).getEncoded();
            TimeStampResponse tsr = new TimeStampResponse(post(http, services.tsaUrl(), "application/timestamp-query", tsq));
            assertThat(tsr.getStatus()).isZero();
            assertThat(tsr.getTimeStampToken().getTimeStampInfo().getGenTime().toInstant()).isEqualTo(NOW);
            assertThat(services.ocspRequests()).isEqualTo(2);
            assertThat(services.tsaRequests()).isEqualTo(1);
        }
    }

    private static byte[] post(HttpClient http, URI uri, String type, byte[] body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
