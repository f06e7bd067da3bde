package ee.allkiri.ocsp.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * The BDOC 2.1 time-mark binding (BDOC 2.1 section 5.3, "time-marks"): the OCSP request's
 * nonce, echoed in the response, is the DER DigestInfo of a digest of the decoded
 * ds:SignatureValue. That makes the OCSP response a proof that the signature value existed
 * at producedAt.
 */
public final class TimeMarkNonce {

    /** Outcome of the comparison. */
    public enum Result {
        /** The nonce is the DigestInfo of the signature value's digest. */
        MATCHES,
        /** The response has no nonce extension. */
        MISSING,
        /** The nonce is not a DigestInfo, names an unknown digest, or holds another digest. */
        MISMATCH
    }


    private TimeMarkNonce() {
    }

    /**
     * @param response       the time-mark OCSP response
     * @param signatureValue the decoded bytes of ds:SignatureValue
     */
    public static Result check(OcspResponse response, byte[] signatureValue) {
        Optional<byte[]> nonce = response.nonce();
        if (nonce.isEmpty()) {
            return Result.MISSING;
        }
        return digestInfo(nonce.get())
                .map(info -> matches(info, signatureValue) ? Result.MATCHES : Result.MISMATCH)
                .orElse(Result.MISMATCH);
    }

    /** The DigestInfo in the nonce; some responders wrap it once more in an OCTET STRING. */
    private static Optional<DigestInfo> digestInfo(byte[] nonce) {
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(nonce);
            if (value instanceof ASN1OctetString wrapped) {
                value = ASN1Primitive.fromByteArray(wrapped.getOctets());
            }
            return Optional.of(DigestInfo.getInstance(value));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean matches(DigestInfo info, byte[] signatureValue) {
        String algorithm = DigestOids.jcaName(info.getAlgorithmId().getAlgorithm().getId());
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(signatureValue);
            return MessageDigest.isEqual(digest, info.getDigest());
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }
}
