package ee.allkiri.asic.rules;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * The claimed signing time of a BDOC time-mark (LT_TM) signature (BDOC 2.1 5.2, 5.3): the
 * time-mark, the OCSP response whose nonce binds the signature value, proves when the signature
 * existed, and the signer's certificate is judged at the time-mark's producedAt. A claimed
 * xades:SigningTime outside the certificate's validity (a signer's clock that was wrong) does
 * not fail the signature, as the Estonian validation service decides real ESTEID-SK 2007
 * signatures: it is {@code SIGNING_TIME_OUTSIDE_CERTIFICATE}, a warning. For time-stamp based
 * signatures the ETSI rule stays (DSS's SigningTimeInCertRange, an error).
 */
public final class TimeMarkSigningTimeRule {

    private TimeMarkSigningTimeRule() {
    }

    /** @param claimed the claimed SigningTime, or null when absent (then nothing is reported) */
    public static Optional<Finding> check(Instant claimed, X509Certificate signer, String location) {
        if (claimed == null) {
            return Optional.empty();
        }
        Instant from = signer.getNotBefore().toInstant();
        Instant until = signer.getNotAfter().toInstant();
        if (!claimed.isBefore(from) && !claimed.isAfter(until)) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(FindingCode.SIGNING_TIME_OUTSIDE_CERTIFICATE, location, "claimed SigningTime "
                + claimed + " is outside the certificate's validity " + from + " .. " + until
                + "; the time-mark proves the signing time"));
    }
}
