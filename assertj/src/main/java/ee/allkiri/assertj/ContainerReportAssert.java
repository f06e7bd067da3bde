package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.SignatureReport;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one container's verdict. */
public final class ContainerReportAssert extends AbstractAssert<ContainerReportAssert, ContainerReport> {

    ContainerReportAssert(ContainerReport actual) {
        super(actual, ContainerReportAssert.class);
    }

    /** Valid: at least one signature, all TOTAL_PASSED, no ERROR finding. */
    public ContainerReportAssert isValid() {
        isNotNull();
        if (!actual.valid()) {
            failWithMessage("Expected a valid container, but:%n%s", Describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert isNotValid() {
        isNotNull();
        if (actual.valid()) {
            failWithMessage("Expected the container not to be valid, but it is:%n%s", Describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert hasIndication(Indication expected) {
        isNotNull();
        if (actual.indication() != expected) {
            failWithMessage("Expected indication %s but was %s:%n%s", expected, actual.indication(), Describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert hasSignatureCount(int expected) {
        isNotNull();
        if (actual.signatures().size() != expected) {
            failWithMessage("Expected %d signature(s) but found %d:%n%s", expected, actual.signatures().size(),
                    Describe.container(actual));
        }
        return this;
    }

    /** Some signature's signer has this personal code (without the PNOEE- prefix). */
    public ContainerReportAssert signedBy(String personalCode) {
        isNotNull();
        boolean found = actual.signatures().stream()
                .anyMatch(s -> s.signer() != null && Objects.equals(s.signer().personalCode(), personalCode));
        if (!found) {
            failWithMessage("Expected a signature by %s, but:%n%s", personalCode, Describe.container(actual));
        }
        return this;
    }

    /** The container or one of its signatures has a finding with this code. */
    public ContainerReportAssert hasFinding(FindingCode code) {
        isNotNull();
        if (!actual.has(code)) {
            failWithMessage("Expected finding %s, but:%n%s", code, Describe.container(actual));
        }
        return this;
    }

    public ContainerReportAssert doesNotHaveFinding(FindingCode code) {
        isNotNull();
        if (actual.has(code)) {
            failWithMessage("Expected no finding %s, but:%n%s", code, Describe.container(actual));
        }
        return this;
    }

    /** Assertions on the signature in the given file, e.g. {@code META-INF/signatures0.xml}. */
    public SignatureReportAssert signature(String file) {
        isNotNull();
        SignatureReport s = actual.signatures().stream().filter(x -> x.file().equals(file)).findFirst().orElse(null);
        if (s == null) {
            failWithMessage("Expected a signature file %s, but:%n%s", file, Describe.container(actual));
        }
        return new SignatureReportAssert(s);
    }
}
