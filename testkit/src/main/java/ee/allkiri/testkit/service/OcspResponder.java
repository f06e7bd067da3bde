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
    private final String digest;

    public OcspResponder(Authority responder) {
        this(responder, null);
    }

    private OcspResponder(Authority responder, String digest) {
        this.responder = responder;
        this.digest = digest;
    }

    /**
     * The same responder signing with another digest than its key type's, e.g. {@code SHA-1}
     * (a response made with an algorithm past its sunset).
     */
    public OcspResponder withDigest(String value) {
        return new OcspResponder(responder, value);
    }

    /**
     * One SingleResponse of a response.
     *
     * @param id         the certificate it is about
     * @param status     what it says
     * @param thisUpdate when the status was known to be correct, or null for the response's producedAt
     */
    public record Single(CertificateID id, OcspStatus status, Instant thisUpdate) {
        /** A SingleResponse whose thisUpdate is the response's producedAt. */
        public Single(CertificateID id, OcspStatus status) {
            this(id, status, null);
        }
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
        return respond(java.util.List.of(new Single(id, status)), producedAt, nonce);
    }

    /**
     * A DER OCSPResponse (status successful) with one SingleResponse per entry, in order (e.g.
     * two contradicting ones about the same certificate).
     *
     * @param nonce the nonce extension's value (extnValue contents) to echo, or null for none
     */
    public byte[] respond(java.util.List<Single> singles, Instant producedAt, byte[] nonce) {
        try {
            X500Name name = X500Name.getInstance(responder.certificate().getSubjectX500Principal().getEncoded());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(name));
            Date at = Date.from(producedAt);
            for (Single single : singles) {
                Date thisUpdate = single.thisUpdate() == null ? at : Date.from(single.thisUpdate());
                builder.addResponse(single.id(), certificateStatus(single.status()), thisUpdate, null, (Extensions) null);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(nonce))));
            }
            X509CertificateHolder[] chain = {new X509CertificateHolder(responder.certificate().getEncoded())};
            BasicOCSPResp basic = builder.build(digest == null ? responder.signer().contentSigner()
                    : responder.signer().contentSigner(digest), chain, at);
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
