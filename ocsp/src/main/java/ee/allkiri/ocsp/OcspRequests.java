package ee.allkiri.ocsp;

import java.io.IOException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds an unsigned OCSP request for one certificate (RFC 6960 4.1) with a nonce extension
 * (4.4.1). The CertID uses SHA-1, which every responder supports (RFC 5019 2.1.1); it only
 * names the certificate, the response's signature carries the trust.
 */
final class OcspRequests {

    private OcspRequests() {
    }

    /** The DER request. */
    static byte[] build(X509Certificate certificate, X509Certificate issuer, byte[] nonce, Provider provider) {
        try {
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().setProvider(provider).build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            Extension nonceExtension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonceValue(nonce));
            return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonceExtension)).build().getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP request: " + e.getMessage(), e);
        }
    }

    /** The nonce extension's extnValue content: the DER OCTET STRING holding the nonce. */
    static byte[] nonceValue(byte[] nonce) {
        try {
            return new DEROctetString(nonce).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
