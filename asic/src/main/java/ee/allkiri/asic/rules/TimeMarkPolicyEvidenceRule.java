package ee.allkiri.asic.rules;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import java.util.Optional;
import java.util.Set;

/**
 * A signature that names the BDOC 2.1 time-mark policy ({@value TimeMarkRules#POLICY_OID})
 * must be a time-mark signature (BDOC 2.1 5.1): the policy's long-term evidence is the
 * time-mark OCSP response. One whose evidence is time-stamp based (T, LT or LTA, e.g. a TM-policy
 * signature "extended" with a time-stamp) is {@code TM_POLICY_WITH_TIMESTAMP}, TOTAL_FAILED, as
 * the Estonian validation service decides it ("Invalid signature format for BDOC policy"). A
 * B-level signature with the policy is left to the long-term rule (PROFILE_NOT_LONG_TERM).
 */
public final class TimeMarkPolicyEvidenceRule {

    private static final Set<Profile> TIMESTAMP_BASED = Set.of(Profile.T, Profile.LT, Profile.LTA);

    private TimeMarkPolicyEvidenceRule() {
    }

    /** @param policyOid the SignaturePolicyIdentifier's OID, or null when the signature names none */
    public static Optional<Finding> check(Profile profile, String policyOid, String location) {
        if (!TimeMarkRules.POLICY_OID.equals(policyOid) || !TIMESTAMP_BASED.contains(profile)) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(FindingCode.TM_POLICY_WITH_TIMESTAMP, location, "the signature names the BDOC "
                + "time-mark policy " + policyOid + " but its evidence is time-stamp based (" + profile + ")"));
    }
}
