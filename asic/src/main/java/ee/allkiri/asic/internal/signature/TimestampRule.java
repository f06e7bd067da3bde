package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * ETSI EN 319 132-1 5.3: one token per SignatureTimeStamp ({@code TIMESTAMP_MULTIPLE_TOKENS}),
 * and the first signature time-stamp intact and trusted ({@code TIMESTAMP_INVALID},
 * {@code TIMESTAMP_UNTRUSTED}). How the signer's OCSP response relates to the time-stamp
 * (BDOC 2.1 5.3) is the ocsp module's rule.
 */
final class TimestampRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        List<SignatureModel.SignatureTimestamp> written = facts.model().unsigned().signatureTimestamps();
        if (written.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (SignatureModel.SignatureTimestamp ts : written) {
            if (ts.tokens().size() != 1) {
                findings.add(Finding.of(FindingCode.TIMESTAMP_MULTIPLE_TOKENS, facts.file(),
                        "a SignatureTimeStamp holds " + ts.tokens().size() + " tokens"));
            }
        }
        List<Judgement.Timestamp> judged = facts.judgement().timestamps();
        if (judged.isEmpty()) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_INVALID, facts.file(), "the signature time-stamp could not be read"));
            return findings;
        }
        Judgement.Timestamp first = judged.get(0);
        if (!first.imprintIntact() || !first.signatureIntact()) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_INVALID, facts.file(),
                    first.imprintIntact() ? "the time-stamp token's signature does not verify"
                            : "the time-stamp imprint does not match the signature value"));
        } else if (!first.trusted()) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_UNTRUSTED, facts.file(), "the time-stamping authority is not trusted"));
        }
        return findings;
    }
}
