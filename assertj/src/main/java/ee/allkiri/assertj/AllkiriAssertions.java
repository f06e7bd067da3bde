package ee.allkiri.assertj;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.core.audit.AuditReport;

/**
 * Entry point for AssertJ assertions on allkiri reports:
 *
 * <pre>{@code
 * import static ee.allkiri.assertj.AllkiriAssertions.assertThat;
 *
 * assertThat(verifier.verify(path)).isValid().hasSignatureCount(1).signedBy("38001085718");
 * assertThat(Audit.of(reports, policy)).hasCounted(998).hasExclusionCount(Exclusion.DUPLICATE_PERSON, 2);
 * }</pre>
 *
 * A failing assertion lists the report's findings, so the CI log says why.
 *
 * @since 0.1.0
 */
public final class AllkiriAssertions {

    private AllkiriAssertions() {
    }

    /** Assertions on one container's verdict. */
    public static ContainerReportAssert assertThat(ContainerReport actual) {
        return new ContainerReportAssert(actual);
    }

    /** Assertions on one signature's verdict. */
    public static SignatureReportAssert assertThat(SignatureReport actual) {
        return new SignatureReportAssert(actual);
    }

    /** Assertions on a run over several containers. */
    public static VerificationReportAssert assertThat(VerificationReport actual) {
        return new VerificationReportAssert(actual);
    }

    /** Assertions on an initiative audit. */
    public static AuditReportAssert assertThat(AuditReport actual) {
        return new AuditReportAssert(actual);
    }
}
