package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The claimed signing time of a BDOC time-mark (LT_TM) signature (BDOC 2.1 5.2, 5.3): the
 * time-mark, the OCSP response whose nonce binds the signature value, proves when the signature
 * existed, and the signer's certificate is judged at the time-mark's producedAt. A claimed
 * xades:SigningTime outside the certificate's validity (a signer's clock that was wrong) does
 * not fail the signature, as the Estonian validation service decides real ESTEID-SK 2007
 * signatures: it is {@code SIGNING_TIME_OUTSIDE_CERTIFICATE}, a warning. For time-stamp based
 * signatures the ETSI rule stays (DSS's SigningTimeInCertRange, an error).
 */
final class TimeMarkSigningTimeRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        Instant claimed = facts.model().signed().signingTime();
        X509Certificate signer = facts.signer();
        if (facts.profile() != Profile.LT_TM || claimed == null || signer == null) {
            return List.of();
        }
        Instant from = signer.getNotBefore().toInstant();
        Instant until = signer.getNotAfter().toInstant();
        if (!claimed.isBefore(from) && !claimed.isAfter(until)) {
            return List.of();
        }
        return List.of(Finding.of(FindingCode.SIGNING_TIME_OUTSIDE_CERTIFICATE, facts.file(), "claimed SigningTime "
                + claimed + " is outside the certificate's validity " + from + " .. " + until
                + "; the time-mark proves the signing time"));
    }
}
