package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The signature's times against each other: proven to exist only after the validation time
 * (ETSI EN 319 102-1 5.6.2; {@code SIGNED_AFTER_VALIDATION_TIME}), and a claimed SigningTime
 * later than the proof by more than the policy's tolerance (ETSI EN 319 132-1 5.2.1: the claim is
 * false; {@code SIGNING_TIME_AFTER_PROOF}, a warning).
 */
final class TimeRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        List<Finding> findings = new ArrayList<>();
        Instant proof = facts.profile() == ee.allkiri.core.Profile.LT_TM ? facts.proof() : facts.timestampTime();
        Instant validationTime = facts.signature().validationTime();
        if (proof != null && proof.isAfter(validationTime)) {
            findings.add(Finding.of(FindingCode.SIGNED_AFTER_VALIDATION_TIME, facts.file(),
                    "proven to exist only at " + proof + ", after the validation time " + validationTime));
        }
        Instant claimed = facts.model().signed().signingTime();
        Instant proven = facts.proof();
        if (claimed != null && proven != null && claimed.isAfter(proven.plus(facts.policy().signingTimeTolerance()))) {
            findings.add(Finding.of(FindingCode.SIGNING_TIME_AFTER_PROOF, facts.file(),
                    "the claimed signing time " + claimed + " is later than the proof of existence " + proven));
        }
        return findings;
    }
}
