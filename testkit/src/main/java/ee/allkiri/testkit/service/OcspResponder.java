package ee.allkiri.testkit.service;

import ee.allkiri.testkit.pki.Authority;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * Signs OCSP responses as one responder: a basic response with the responder named by its
 * subject (as SK's responders do), its certificate included, one SingleResponse with a SHA-1
 * CertID, thisUpdate = producedAt, and the request's nonce echoed. Immutable and thread-safe.
 */
public final class OcspResponder {

    private static final DigestCalculatorProvider DIGESTS = new BcDigestCalculatorProvider();

    private final Authority responder;

    public OcspResponder(Authority responder) {
        this.responder = responder;
    }

    public Authority authority() {
        return responder;
    }

    /** The SHA-1 CertID of a certificate under its issuer (RFC 6960 4.1.1). */
    public static CertificateID certificateId(X509Certificate issuer, BigInteger serial) {
        try {
            return new CertificateID(DIGESTS.get(CertificateID.HASH_SHA1),
                    new X509CertificateHolder(issuer.getEncoded()), serial);
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot build a CertID", e);
        }
    }

    /**
     * A DER OCSPResponse (status successful) about one certificate.
     *
     * @param nonce the nonce extension's value (extnValue contents) to echo, or null for none
     */
    public byte[] respond(CertificateID id, OcspStatus status, Instant producedAt, byte[] nonce) {
        try {
            X500Name name = X500Name.getInstance(responder.certificate().getSubjectX500Principal().getEncoded());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(name));
            Date at = Date.from(producedAt);
            builder.addResponse(id, certificateStatus(status), at, null, (Extensions) null);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(nonce))));
            }
            X509CertificateHolder[] chain = {new X509CertificateHolder(responder.certificate().getEncoded())};
            BasicOCSPResp basic = builder.build(responder.signer().contentSigner(), chain, at);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP response", e);
        }
    }

    /** A response for a certificate given with its issuer. */
    public byte[] respond(X509Certificate certificate, X509Certificate issuer, OcspStatus status, Instant producedAt,
                          byte[] nonce) {
        return respond(certificateId(issuer, certificate.getSerialNumber()), status, producedAt, nonce);
    }

    /** An unsuccessful OCSPResponse with the given status (e.g. {@link OCSPRespBuilder#UNAUTHORIZED}). */
    public static byte[] error(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateStatus certificateStatus(OcspStatus status) {
        return switch (status.kind()) {
            case GOOD -> CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(status.revokedAt()), CRLReason.keyCompromise);
            case UNKNOWN -> new UnknownStatus();
        };
    }
}
