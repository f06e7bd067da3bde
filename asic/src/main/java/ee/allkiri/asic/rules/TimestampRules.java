package ee.allkiri.asic.rules;

import ee.allkiri.asic.dss.DssReading;
import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for time-stamp based signatures (T, LT, LTA; ETSI EN 319 132-1 5.3): one token per
 * SignatureTimeStamp, and the first signature time-stamp intact and trusted. How the signer's
 * OCSP response relates to the time-stamp (BDOC 2.1 5.3) is the {@code ocsp} module's rule.
 */
public final class TimestampRules {

    private TimestampRules() {
    }

    public static List<Finding> check(SignatureXml xml, List<DssReading.TimestampReading> timestamps, String location) {
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
        return findings;
    }
}
