package ee.allkiri.asic.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import java.util.ArrayList;
import java.util.List;

/**
 * eIDAS 910/2014 art. 25(2), 42; ETSI TS 119 615: with trusted-list trust, a signature that is
 * not a qualified electronic signature or seal is {@code NOT_QUALIFIED} (when the verifier
 * requires qualified signatures), and a signature time-stamp from a TSA the lists do not show as
 * qualified is {@code TIMESTAMP_NOT_QUALIFIED} (a warning). Plain anchors carry no
 * qualification data and are not judged.
 */
final class QualificationRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        Judgement judged = facts.judgement();
        List<Finding> findings = new ArrayList<>();
        if (facts.settings().requireQualified() && judged.listedChain() && judged.indication() == Indication.TOTAL_PASSED
                && !judged.qualification().isQualified()) {
            findings.add(Finding.of(FindingCode.NOT_QUALIFIED, facts.file(), "qualification " + judged.qualification()));
        }
        if (judged.listedChain() && judged.timestamps().stream().anyMatch(t -> t.isGood() && !t.qualified())) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_NOT_QUALIFIED, facts.file(),
                    "the signature time-stamp is not from a qualified time-stamping service in the trusted lists"));
        }
        return findings;
    }
}
