package ee.allkiri.assertj;

import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.Signer;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import ee.allkiri.core.audit.Exclusion;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an audit: the count, the threshold, and why signatures were excluded. A failure
 * prints the audit's figures and the excluded signatures with their exclusion codes.
 *
 * @since 0.1.0
 */
public final class AuditReportAssert extends AbstractAssert<AuditReportAssert, AuditReport> {

    private Describe describe = new Describe(PersonalCodeMask.NONE);

    AuditReportAssert(AuditReport actual) {
        super(actual, AuditReportAssert.class);
    }

    /**
     * Failure messages print personal codes with this mask (also inside names and messages), for
     * CI logs that others read.
     *
     * @param value the mask, e.g. {@link PersonalCodeMask#LAST_TWO}
     * @return this
     */
    public AuditReportAssert maskingPersonalCodes(PersonalCodeMask value) {
        this.describe = new Describe(java.util.Objects.requireNonNull(value, "mask"));
        return this;
    }

    /**
     * Failure messages print personal codes with {@link PersonalCodeMask#PUBLISHED} (no birth
     * date, no sex).
     *
     * @return this
     */
    public AuditReportAssert maskingPersonalCodes() {
        return maskingPersonalCodes(PersonalCodeMask.PUBLISHED);
    }

    /**
     * Exactly this many signatures count (one per person).
     *
     * @param expected the count
     * @return this
     */
    public AuditReportAssert hasCounted(int expected) {
        isNotNull();
        if (actual.summary().counted() != expected) {
            failWithMessage("Expected %d counted signature(s) but %d count:%n%s", expected, actual.summary().counted(),
                    describe.audit(actual));
        }
        return this;
    }

    /**
     * The threshold is reached (always true when the audit has none).
     *
     * @return this
     */
    public AuditReportAssert reachesThreshold() {
        isNotNull();
        if (!actual.summary().thresholdReached()) {
            failWithMessage("Expected the threshold to be reached, but:%n%s", describe.audit(actual));
        }
        return this;
    }

    /**
     * The audit has a threshold and it is not reached.
     *
     * @return this
     */
    public AuditReportAssert doesNotReachThreshold() {
        isNotNull();
        if (actual.summary().thresholdReached()) {
            failWithMessage("Expected the threshold not to be reached, but:%n%s", describe.audit(actual));
        }
        return this;
    }

    /**
     * Exactly this many signatures are excluded for the reason (a signature may have several).
     *
     * @param reason   the exclusion code
     * @param expected how many
     * @return this
     */
    public AuditReportAssert hasExclusionCount(Exclusion reason, int expected) {
        isNotNull();
        int found = actual.summary().excluded().getOrDefault(reason, 0);
        if (found != expected) {
            failWithMessage("Expected %d signature(s) excluded as %s but found %d:%n%s", expected, reason, found,
                    describe.audit(actual));
        }
        return this;
    }

    /**
     * A signature by this person counts.
     *
     * @param personalCode the personal code without prefix, e.g. {@code 38001085718}
     * @return this
     */
    public AuditReportAssert counts(String personalCode) {
        isNotNull();
        if (actual.signatures().stream().noneMatch(s -> s.counted() && by(s, personalCode))) {
            failWithMessage("Expected a counted signature by %s, but:%n%s", describe.code(personalCode), describe.audit(actual));
        }
        return this;
    }

    /**
     * Some signature by this person is excluded, for this reason among others.
     *
     * @param personalCode the personal code without prefix
     * @param reason       the exclusion code
     * @return this
     */
    public AuditReportAssert excludes(String personalCode, Exclusion reason) {
        isNotNull();
        if (actual.signatures().stream().noneMatch(s -> by(s, personalCode) && s.exclusions().contains(reason))) {
            failWithMessage("Expected a signature by %s excluded as %s, but:%n%s", describe.code(personalCode), reason,
                    describe.audit(actual));
        }
        return this;
    }

    private static boolean by(AuditedSignature s, String personalCode) {
        Signer signer = s.signature().signer();
        return signer != null && Objects.equals(signer.personalCode(), personalCode);
    }
}
