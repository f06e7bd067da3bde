package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.VerificationReport;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a whole run (several containers). */
public final class VerificationReportAssert extends AbstractAssert<VerificationReportAssert, VerificationReport> {

    VerificationReportAssert(VerificationReport actual) {
        super(actual, VerificationReportAssert.class);
    }

    /** Every container valid; the message lists only the containers that are not. */
    public VerificationReportAssert allValid() {
        isNotNull();
        StringBuilder failing = new StringBuilder();
        for (ContainerReport c : actual.containers()) {
            if (!c.valid()) {
                failing.append(Describe.container(c));
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
