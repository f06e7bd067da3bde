package ee.allkiri.asic.rules;

import ee.allkiri.asic.dss.DssReading;
import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for time-stamp based signatures (T, LT, LTA; BDOC 2.1 5.3, ETSI EN 319 132-1 5.3):
 * one token per SignatureTimeStamp, the first signature time-stamp intact and trusted, and
 * the signer's OCSP response produced after it: before it is an error (the OCSP does not
 * speak for the time the signature existed), more than 15 minutes after a warning.
 */
public final class TimestampRules {

    /** BDOC 2.1's freshness limit for the OCSP response after the time-stamp. */
    public static final Duration FRESHNESS = Duration.ofMinutes(15);

    private TimestampRules() {
    }

    /**
     * @param ocspProducedAt producedAt of the signer's OCSP response, or null
     */
    public static List<Finding> check(SignatureXml xml, List<DssReading.TimestampReading> timestamps,
                                      Instant ocspProducedAt, String location) {
        List<Finding> findings = new ArrayList<>();
        for (SignatureXml.Timestamp ts : xml.timestamps()) {
            if (ts.tokenCount() != 1) {
                findings.add(Finding.of(FindingCode.TIMESTAMP_MULTIPLE_TOKENS, location,
                        "a SignatureTimeStamp holds " + ts.tokenCount() + " tokens"));
            }
        }
        if (timestamps.isEmpty()) {
            if (!xml.timestamps().isEmpty()) {
                findings.add(Finding.of(FindingCode.TIMESTAMP_INVALID, location, "the signature time-stamp could not be read"));
            }
            return findings;
        }
        DssReading.TimestampReading first = timestamps.get(0);
        if (!first.imprintIntact() || !first.signatureIntact()) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_INVALID, location,
                    first.imprintIntact() ? "the time-stamp token's signature does not verify"
                            : "the time-stamp imprint does not match the signature value"));
        } else if (!first.trusted()) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_UNTRUSTED, location, "the time-stamping authority is not trusted"));
        }
        if (ocspProducedAt != null) {
            Instant stamped = first.productionTime();
            if (ocspProducedAt.isBefore(stamped)) {
                findings.add(Finding.of(FindingCode.OCSP_BEFORE_TIMESTAMP, location,
                        "OCSP produced at " + ocspProducedAt + ", before the time-stamp " + stamped));
            } else if (Duration.between(stamped, ocspProducedAt).compareTo(FRESHNESS) > 0) {
                findings.add(Finding.of(FindingCode.OCSP_NOT_FRESH, location,
                        "OCSP produced " + Duration.between(stamped, ocspProducedAt).toMinutes() + " minutes after the time-stamp"));
            }
        }
        return findings;
    }
}
