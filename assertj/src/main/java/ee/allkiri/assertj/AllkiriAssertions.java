package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.VerificationReport;

/**
 * Entry point for AssertJ assertions on allkiri reports:
 *
 * <pre>{@code
 * import static ee.allkiri.assertj.AllkiriAssertions.assertThat;
 *
 * assertThat(verifier.verify(path)).isValid().hasSignatureCount(1).signedBy("38001085718");
 * }</pre>
 *
 * A failing assertion lists the report's findings, so the CI log says why.
 */
public final class AllkiriAssertions {

    private AllkiriAssertions() {
    }

    public static ContainerReportAssert assertThat(ContainerReport actual) {
        return new ContainerReportAssert(actual);
    }

    public static SignatureReportAssert assertThat(SignatureReport actual) {
        return new SignatureReportAssert(actual);
    }

    public static VerificationReportAssert assertThat(VerificationReport actual) {
        return new VerificationReportAssert(actual);
    }
}
