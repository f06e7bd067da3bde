package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.SignatureReport;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one container's verdict.
 *
 * @since 0.1.0
 */
public final class ContainerReportAssert extends AbstractAssert<ContainerReportAssert, ContainerReport> {

    private Describe describe = new Describe(PersonalCodeMask.NONE);

    ContainerReportAssert(ContainerReport actual) {
        super(actual, ContainerReportAssert.class);
    }

    /**
     * Failure messages print personal codes with this mask (also inside names and messages), for
     * CI logs that others read.
     *
     * @param value the mask, e.g. {@link PersonalCodeMask#LAST_TWO}
     * @return this
     */
    public ContainerReportAssert maskingPersonalCodes(PersonalCodeMask value) {
        this.describe = new Describe(java.util.Objects.requireNonNull(value, "mask"));
        return this;
    }

    /**
     * Failure messages print personal codes with {@link PersonalCodeMask#PUBLISHED} (no birth
     * date, no sex).
     *
     * @return this
     */
    public ContainerReportAssert maskingPersonalCodes() {
        return maskingPersonalCodes(PersonalCodeMask.PUBLISHED);
    }

    /** Valid: at least one signature, all TOTAL_PASSED, no ERROR finding. */
    public ContainerReportAssert isValid() {
        isNotNull();
        if (!actual.valid()) {
            failWithMessage("Expected a valid container, but:%n%s", describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert isNotValid() {
        isNotNull();
        if (actual.valid()) {
            failWithMessage("Expected the container not to be valid, but it is:%n%s", describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert hasIndication(Indication expected) {
        isNotNull();
        if (actual.indication() != expected) {
            failWithMessage("Expected indication %s but was %s:%n%s", expected, actual.indication(), describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert hasSignatureCount(int expected) {
        isNotNull();
        if (actual.signatures().size() != expected) {
            failWithMessage("Expected %d signature(s) but found %d:%n%s", expected, actual.signatures().size(),
                    describe.container(actual));
        }
        return this;
    }

    /** Some signature's signer has this personal code (without the PNOEE- prefix). */
    public ContainerReportAssert signedBy(String personalCode) {
        isNotNull();
        boolean found = actual.signatures().stream()
                .anyMatch(s -> s.signer() != null && Objects.equals(s.signer().personalCode(), personalCode));
        if (!found) {
            failWithMessage("Expected a signature by %s, but:%n%s", describe.code(personalCode), describe.container(actual));
        }
        return this;
    }

    /** The container or one of its signatures has a finding with this code. */
    public ContainerReportAssert hasFinding(FindingCode code) {
        isNotNull();
        if (!actual.has(code)) {
            failWithMessage("Expected finding %s, but:%n%s", code, describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert doesNotHaveFinding(FindingCode code) {
        isNotNull();
        if (actual.has(code)) {
            failWithMessage("Expected no finding %s, but:%n%s", code, describe.container(actual));
        }
        return this;
    }

    /** Assertions on the signature in the given file, e.g. {@code META-INF/signatures0.xml}. */
    public SignatureReportAssert signature(String file) {
        isNotNull();
        SignatureReport s = actual.signatures().stream().filter(x -> x.file().equals(file)).findFirst().orElse(null);
        if (s == null) {
            failWithMessage("Expected a signature file %s, but:%n%s", file, describe.container(actual));
        }
        SignatureReportAssert next = new SignatureReportAssert(s);
        next.describe = describe;
        return next;
    }
}
