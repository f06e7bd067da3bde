package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.VerificationReport;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole run (several containers).
 *
 * @since 0.1.0
 */
public final class VerificationReportAssert extends AbstractAssert<VerificationReportAssert, VerificationReport> {

    private Describe describe = new Describe(PersonalCodeMask.NONE);

    VerificationReportAssert(VerificationReport actual) {
        super(actual, VerificationReportAssert.class);
    }

    /**
     * Failure messages print personal codes with this mask (also inside names and messages), for
     * CI logs that others read.
     *
     * @param value the mask, e.g. {@link PersonalCodeMask#LAST_TWO}
     * @return this
     */
    public VerificationReportAssert maskingPersonalCodes(PersonalCodeMask value) {
        this.describe = new Describe(java.util.Objects.requireNonNull(value, "mask"));
        return this;
    }

    /**
     * Failure messages print personal codes with {@link PersonalCodeMask#PUBLISHED} (no birth
     * date, no sex).
     *
     * @return this
     */
    public VerificationReportAssert maskingPersonalCodes() {
        return maskingPersonalCodes(PersonalCodeMask.PUBLISHED);
    }

    /** Every container valid; the message lists only the containers that are not. */
    public VerificationReportAssert allValid() {
        isNotNull();
        StringBuilder failing = new StringBuilder();
        for (ContainerReport c : actual.containers()) {
            if (!c.valid()) {
                failing.append(describe.container(c));
            }
        }
        if (actual.containers().isEmpty() || failing.length() > 0) {
            failWithMessage("Expected every container to be valid, but:%n%s",
                    actual.containers().isEmpty() ? "no containers" : failing.toString());
        }
        return this;
    }

    public VerificationReportAssert hasContainerCount(int expected) {
        isNotNull();
        if (actual.containers().size() != expected) {
            failWithMessage("Expected %d container(s) but found %d", expected, actual.containers().size());
        }
        return this;
    }
}
