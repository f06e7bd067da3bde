package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a signature that passed is qualified (eIDAS 910/2014 art. 25(2), 42; ETSI TS 119 615),
 * as the Estonian validation service decides it: ETSI EN 319 102-1 gives an advanced signature or
 * seal with a qualified certificate but no QSCD (ADESIG_QC, ADESEAL_QC), or without a qualified
 * certificate (ADESIG, ADESEAL, ...), TOTAL_PASSED, and SiVa passes it with a warning. So a
 * signature the trusted lists show not to be qualified keeps its indication and its level, with
 * {@code NOT_QUALIFIED} as a warning; with the require-qualified option it is an error (and the
 * signature TOTAL_FAILED). A signature time-stamp from a TSA the lists do not show as qualified
 * is {@code TIMESTAMP_NOT_QUALIFIED} (a warning). Plain trust anchors carry no qualification
 * data: such a signature is not judged.
 */
final class QualificationRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        Judgement judged = facts.judgement();
        return check(judged.qualification(), judged.listedChain(), judged.indication(), judged.timestamps(),
                facts.settings().requireQualified(), facts.file());
    }

    /** The rule on an engine's judgement, for signatures of any format. */
    static List<Finding> check(Qualification qualification, boolean listedChain, Indication indication,
                               List<Judgement.Timestamp> timestamps, boolean requireQualified, String location) {
        List<Finding> findings = new ArrayList<>();
        if (listedChain && indication == Indication.TOTAL_PASSED && !qualification.isQualified()) {
            findings.add(new Finding(FindingCode.NOT_QUALIFIED, requireQualified ? Severity.ERROR : Severity.WARNING,
                    "qualification " + qualification, location));
        }
        if (listedChain && timestamps.stream().anyMatch(t -> t.isGood() && !t.qualified())) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_NOT_QUALIFIED, location,
                    "the signature time-stamp is not from a qualified time-stamping service in the trusted lists"));
        }
        return findings;
    }
}
