package ee.allkiri.testkit.service;

import ee.allkiri.testkit.pki.Authority;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
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
 * CertID, thisUpdate = producedAt, and the request's nonce echoed. {@link #response()} opens
 * every field of a response to change, for tests of the rules on responses. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
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

    /** A response of this responder to build by hand (see {@link ResponseBuilder}). */
    public ResponseBuilder response() {
        return new ResponseBuilder(this);
    }

    /**
     * A DER OCSPResponse (status successful) about one certificate.
     *
     * @param nonce the nonce extension's value (extnValue contents) to echo, or null for none
     */
    public byte[] respond(CertificateID id, OcspStatus status, Instant producedAt, byte[] nonce) {
        return respond(List.of(new Single(id, status)), producedAt, nonce);
    }

    /**
     * A DER OCSPResponse (status successful) with one SingleResponse per entry, in order (e.g.
     * two contradicting ones about the same certificate).
     *
     * @param nonce the nonce extension's value (extnValue contents) to echo, or null for none
     */
    public byte[] respond(List<Single> singles, Instant producedAt, byte[] nonce) {
        ResponseBuilder response = response().producedAt(producedAt);
        for (Single single : singles) {
            response.about(single.id(), single.status(), single.thisUpdate() == null ? producedAt : single.thisUpdate(), null);
        }
        if (nonce != null) {
            response.nonceExtension(nonce);
        }
        return response.build();
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

    /**
     * One response signed with the responder's key, correct by default: the responder named by
     * its subject, its certificate in the response, producedAt the first SingleResponse's
     * thisUpdate, no nextUpdate, no nonce; each of these open to change. Not thread-safe.
     */
    public static final class ResponseBuilder {
        private record Entry(CertificateID id, OcspStatus status, Instant thisUpdate, Instant nextUpdate) {
        }

        private final OcspResponder signer;
        private final List<Entry> entries = new ArrayList<>();
        private final List<X509Certificate> certificates = new ArrayList<>();
        private X500Name responderName;
        private Instant producedAt;
        private byte[] nonceExtension;

        private ResponseBuilder(OcspResponder signer) {
            this.signer = signer;
            X509Certificate own = signer.responder.certificate();
            this.responderName = X500Name.getInstance(own.getSubjectX500Principal().getEncoded());
            this.certificates.add(own);
        }

        /** A SingleResponse about the certificate: good from thisUpdate until nextUpdate (or null for none). */
        public ResponseBuilder good(X509Certificate certificate, X509Certificate issuer, Instant thisUpdate, Instant nextUpdate) {
            return about(certificateId(issuer, certificate.getSerialNumber()), OcspStatus.GOOD, thisUpdate, nextUpdate);
        }

        /** A SingleResponse about the certificate: revoked at that time for keyCompromise. */
        public ResponseBuilder revoked(X509Certificate certificate, X509Certificate issuer, Instant thisUpdate, Instant revokedAt) {
            return about(certificateId(issuer, certificate.getSerialNumber()), OcspStatus.revoked(revokedAt), thisUpdate, null);
        }

        /** A SingleResponse about the certificate: unknown to the responder. */
        public ResponseBuilder unknown(X509Certificate certificate, X509Certificate issuer, Instant thisUpdate) {
            return about(certificateId(issuer, certificate.getSerialNumber()), OcspStatus.UNKNOWN, thisUpdate, null);
        }

        /** A SingleResponse about any CertID (e.g. a serial under another issuer's hashes). */
        public ResponseBuilder about(CertificateID id, OcspStatus status, Instant thisUpdate, Instant nextUpdate) {
            entries.add(new Entry(Objects.requireNonNull(id), Objects.requireNonNull(status), Objects.requireNonNull(thisUpdate),
                    nextUpdate));
            if (producedAt == null) {
                producedAt = thisUpdate;
            }
            return this;
        }

        public ResponseBuilder producedAt(Instant instant) {
            this.producedAt = Objects.requireNonNull(instant);
            return this;
        }

        /** Names another responder than the signing key's owner. */
        public ResponseBuilder responderName(X500Name name) {
            this.responderName = Objects.requireNonNull(name);
            return this;
        }

        /** Replaces the certificates in the response (none at all when empty). */
        public ResponseBuilder certificates(X509Certificate... others) {
            certificates.clear();
            certificates.addAll(List.of(others));
            return this;
        }

        /**
         * Sets the nonce extension's extnValue contents as they are: a DER OCTET STRING for an
         * RFC 6960 nonce, the DigestInfo itself for a BDOC time-mark.
         */
        public ResponseBuilder nonceExtension(byte[] extnValue) {
            this.nonceExtension = extnValue.clone();
            return this;
        }

        /** The DER OCSPResponse (status successful). */
        public byte[] build() {
            if (producedAt == null) {
                throw new IllegalStateException("a response needs producedAt or a SingleResponse");
            }
            try {
                BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responderName));
                for (Entry e : entries) {
                    builder.addResponse(e.id(), certificateStatus(e.status()), Date.from(e.thisUpdate()),
                            e.nextUpdate() == null ? null : Date.from(e.nextUpdate()), (Extensions) null);
                }
                if (nonceExtension != null) {
                    builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            nonceExtension)));
                }
                List<X509CertificateHolder> chain = new ArrayList<>();
                for (X509Certificate c : certificates) {
                    chain.add(new X509CertificateHolder(c.getEncoded()));
                }
                Authority key = signer.responder;
                BasicOCSPResp basic = builder.build(signer.digest == null ? key.signer().contentSigner()
                        : key.signer().contentSigner(signer.digest), chain.toArray(X509CertificateHolder[]::new),
                        Date.from(producedAt));
                return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            } catch (OCSPException | CertificateEncodingException | IOException e) {
                throw new IllegalStateException("cannot build an OCSP response", e);
            }
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
