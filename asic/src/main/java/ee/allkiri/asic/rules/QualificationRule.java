package ee.allkiri.asic.rules;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.Severity;
import java.util.Optional;

/**
 * Whether a signature that passed is qualified (eIDAS art. 25(2); ETSI TS 119 615), as the
 * Estonian validation service decides it: ETSI EN 319 102-1 gives an advanced signature or seal
 * with a qualified certificate but no QSCD (ADESIG_QC, ADESEAL_QC), or without a qualified
 * certificate (ADESIG, ADESEAL, ...), TOTAL_PASSED, and SiVa passes it with a warning. So a
 * signature the trusted lists show not to be qualified keeps its indication and its level, with
 * {@code NOT_QUALIFIED} as a warning; with the require-qualified option it is an error (and the
 * signature TOTAL_FAILED). Plain trust anchors carry no qualification data: such a signature is
 * not judged.
 */
public final class QualificationRule {

    private QualificationRule() {
    }

    /**
     * @param qualification    the qualification the validation determined
     * @param listedChain      whether a certificate of the signer's chain is a trusted-list service
     * @param indication       the validation's indication (only a passed signature is judged)
     * @param requireQualified the require-qualified option
     */
    public static Optional<Finding> check(Qualification qualification, boolean listedChain, Indication indication,
                                          boolean requireQualified, String location) {
        if (!listedChain || indication != Indication.TOTAL_PASSED || qualification.isQualified()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FindingCode.NOT_QUALIFIED, requireQualified ? Severity.ERROR : Severity.WARNING,
                "qualification " + qualification, location));
    }
}
