package ee.allkiri.ocsp.internal;

import ee.allkiri.core.spi.RevocationReason;
import ee.allkiri.core.spi.RevocationStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * A parsed basic OCSP response (RFC 6960 4.2.1). Parsing checks only the structure; what the
 * response says is trusted by nobody until the caller has checked its signature and its
 * responder. Immutable and thread-safe.
 */
public final class OcspResponse {

    private final byte[] encoded;
    private final BasicOCSPResp basic;
    private final List<SingleStatus> responses;
    private final List<X509Certificate> certificates;
    /** The ResponderID's name, read once (null when the responder is named by key hash or the name does not read). */
    private final X500Principal responderName;

    private OcspResponse(byte[] encoded, BasicOCSPResp basic, List<SingleStatus> responses,
                         List<X509Certificate> certificates) {
        this.encoded = encoded;
        this.basic = basic;
        this.responses = responses;
        this.certificates = certificates;
        this.responderName = responderName(basic.getResponderId().toASN1Primitive());
    }

    private static X500Principal responderName(ResponderID id) {
        try {
            return id.getName() == null ? null : new X500Principal(id.getName().getEncoded());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Parses a DER OCSPResponse (status successful, basic type) or a bare BasicOCSPResponse,
     * as XAdES EncapsulatedOCSPValue may hold either.
     */
    public static OcspResponse parse(byte[] der) throws OcspFormatException {
        try {
            BasicOCSPResp basic = basicResponse(der);
            List<SingleStatus> responses = new ArrayList<>();
            for (SingleResp single : basic.getResponses()) {
                responses.add(toStatus(single));
            }
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (X509CertificateHolder holder : basic.getCerts()) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded())));
            }
            if (basic.getProducedAt() == null) {
                throw new OcspFormatException("OCSP response has no producedAt");
            }
            return new OcspResponse(der.clone(), basic, List.copyOf(responses), List.copyOf(certificates));
        } catch (IOException | CertificateException e) {
            throw new OcspFormatException("not a basic OCSP response: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a runtime exception's message depends on the JIT (a hot NullPointerException has none): name its type only
            throw new OcspFormatException("not a basic OCSP response (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static BasicOCSPResp basicResponse(byte[] der) throws IOException, OcspFormatException {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new OcspFormatException("OCSP response status is " + response.getStatus() + ", not successful",
                        response.getStatus());
            }
            Object object = response.getResponseObject();
            if (!(object instanceof BasicOCSPResp basic)) {
                throw new OcspFormatException("OCSP response is not of the basic type");
            }
            return basic;
        } catch (OCSPException e) {
            throw new OcspFormatException("OCSP response does not parse: " + e.getMessage(), e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new OcspFormatException("OCSP response does not parse (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            // XAdES allows the bare BasicOCSPResponse as well
            return new BasicOCSPResp(BasicOCSPResponse.getInstance(ASN1Primitive.fromByteArray(der)));
        }
    }

    private static SingleStatus toStatus(SingleResp single) {
        CertificateID id = single.getCertID();
        Object status = single.getCertStatus();
        RevocationStatus kind;
        Instant revocationTime = null;
        RevocationReason reason = null;
        if (status == null) {
            kind = RevocationStatus.GOOD;
        } else if (status instanceof RevokedStatus revoked) {
            kind = RevocationStatus.REVOKED;
            revocationTime = revoked.getRevocationTime().toInstant();
            reason = revoked.hasRevocationReason()
                    ? RevocationReason.of(revoked.getRevocationReason()).orElse(RevocationReason.UNSPECIFIED) : null;
        } else {
            kind = RevocationStatus.UNKNOWN;
        }
        return new SingleStatus(id.getHashAlgOID().getId(), id.getIssuerNameHash(), id.getIssuerKeyHash(),
                id.getSerialNumber(), kind, revocationTime, reason, single.getThisUpdate().toInstant(),
                single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant());
    }

    public Instant producedAt() {
        return basic.getProducedAt().toInstant();
    }

    public List<SingleStatus> responses() {
        return responses;
    }

    /** Certificates the responder included (usually its own). */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** The DER bytes as given. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The OID of the signature algorithm of the response. */
    public String signatureAlgorithmOid() {
        return basic.getSignatureAlgOID().getId();
    }

    /**
     * The content of the nonce extension (id-pkix-ocsp-nonce): the octets inside its
     * extnValue OCTET STRING, or empty when the response has no nonce.
     */
    public Optional<byte[]> nonce() {
        Extension extension = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (extension == null) {
            return Optional.empty();
        }
        return Optional.of(extension.getExtnValue().getOctets());
    }

    /** The SingleResponse for a certificate, matched on serial number, issuer name hash and issuer key hash. */
    public Optional<SingleStatus> statusFor(X509Certificate certificate, X509Certificate issuer) {
        for (SingleStatus s : responses) {
            if (!s.serialNumber().equals(certificate.getSerialNumber())) {
                continue;
            }
            if (matchesIssuer(s, issuer)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The SingleResponse for a serial number, whoever the issuer; for diagnostics. */
    public Optional<SingleStatus> statusForSerial(BigInteger serial) {
        return responses.stream().filter(s -> s.serialNumber().equals(serial)).findFirst();
    }

    /** True when the CertID's issuer hashes are those of the given issuer certificate. */
    public static boolean matchesIssuer(SingleStatus status, X509Certificate issuer) {
        String algorithm = DigestOids.jcaName(status.hashAlgorithmOid());
        if (algorithm == null) {
            return false;
        }
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] nameHash = md.digest(issuer.getSubjectX500Principal().getEncoded());
            byte[] keyHash = md.digest(subjectPublicKeyBits(issuer));
            return MessageDigest.isEqual(nameHash, status.issuerNameHash())
                    && MessageDigest.isEqual(keyHash, status.issuerKeyHash());
        } catch (NoSuchAlgorithmException | IOException e) {
            return false;
        }
    }

    /**
     * True when the CertID's issuer name hash is that of the given name; for when the issuer's
     * certificate, and so its key hash, is not known.
     */
    public static boolean matchesIssuerName(SingleStatus status, X500Principal issuerName) {
        String algorithm = DigestOids.jcaName(status.hashAlgorithmOid());
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] nameHash = MessageDigest.getInstance(algorithm).digest(issuerName.getEncoded());
            return MessageDigest.isEqual(nameHash, status.issuerNameHash());
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** True when the responder id (by name or by key hash) designates the certificate. */
    public boolean responderIs(X509Certificate certificate) {
        ResponderID id = basic.getResponderId().toASN1Primitive();
        try {
            if (id.getName() != null) {
                return responderName != null && responderName.equals(certificate.getSubjectX500Principal());
            }
            byte[] keyHash = MessageDigest.getInstance("SHA-1").digest(subjectPublicKeyBits(certificate));
            return Arrays.equals(keyHash, id.getKeyHash());
        } catch (IOException | NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** A human-readable responder id: the distinguished name, or the key hash in hex. */
    public String responderDescription() {
        ResponderID id = basic.getResponderId().toASN1Primitive();
        if (id.getName() != null) {
            return id.getName().toString();
        }
        return "key " + java.util.HexFormat.of().formatHex(id.getKeyHash());
    }

    /**
     * Verifies the response's signature with the given key.
     *
     * @param provider the JCA provider to use (an instance, never a registered name)
     */
    public boolean isSignedBy(PublicKey key, Provider provider) {
        try {
            return basic.isSignatureValid(SingleVerifierProvider.of(key, provider));
        } catch (OCSPException | RuntimeException e) {
            return false;
        }
    }

    static byte[] subjectPublicKeyBits(X509Certificate certificate) throws IOException {
        var info = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        return info.getPublicKeyData().getBytes();
    }
}
