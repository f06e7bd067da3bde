package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * ETSI EN 319 102-1 5.2.6, RFC 5280 4.1.2.5: the signer's certificate was valid when the
 * signature is proven to have existed (the time-mark's producedAt, or the earliest good signature
 * time-stamp); a signature proven only after the certificate expired, or before it was issued,
 * is {@code CERTIFICATE_EXPIRED}, whatever its claimed SigningTime says.
 */
final class SignerValidityRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        X509Certificate signer = facts.signer();
        Instant proof = facts.proof();
        if (signer == null || proof == null) {
            return List.of();
        }
        Instant from = signer.getNotBefore().toInstant();
        Instant until = signer.getNotAfter().toInstant();
        if (!proof.isBefore(from) && !proof.isAfter(until)) {
            return List.of();
        }
        return List.of(Finding.of(FindingCode.CERTIFICATE_EXPIRED, facts.file(), "the signature is proven to exist at "
                + proof + ", outside the signer's certificate's validity " + from + " .. " + until));
    }
}
