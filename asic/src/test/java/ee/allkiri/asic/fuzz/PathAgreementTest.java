package ee.allkiri.asic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.SubIndication;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differential oracle tells each kind of disagreement, and only those. */
class PathAgreementTest {

    private static final String FILE = "META-INF/signatures0.xml";

    private static SignatureReport signature(Indication indication, SubIndication sub, Qualification level, Finding... findings) {
        return new SignatureReport(FILE, "S0", indication, sub, Profile.LT, level, null, null, null, null, null, List.of("a.txt"),
                List.of(findings));
    }

    private static ContainerReport container(List<Finding> findings, SignatureReport... signatures) {
        return new ContainerReport("c.asice", findings, List.of(), List.of(signatures));
    }

    private static final SignatureReport PASSED = signature(Indication.TOTAL_PASSED, null, Qualification.QESIG);

    @Test
    void equalVerdictsAgreeWhateverTheWarningsTimesAndMessages() {
        SignatureReport withWarning = new SignatureReport(FILE, "S0", Indication.TOTAL_PASSED, null, Profile.LT, Qualification.QESIG,
                null, null, java.time.Instant.EPOCH, null, null, List.of(), List.of(
                        new Finding(FindingCode.OCSP_NOT_FRESH, Severity.WARNING, "late", FILE)));

        assertThat(PathAgreement.disagreements(container(List.of(), PASSED), container(List.of(), withWarning))).isEmpty();
    }

    @Test
    void aDifferentIndicationSubIndicationLevelOrErrorCodeDisagrees() {
        Finding revoked = Finding.of(FindingCode.OCSP_STATUS_REVOKED, FILE, "revoked");
        SignatureReport failed = signature(Indication.TOTAL_FAILED, SubIndication.REVOKED, Qualification.QESIG, revoked);
        SignatureReport otherSub = signature(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE, Qualification.QESIG, revoked);
        SignatureReport otherCode = signature(Indication.TOTAL_FAILED, SubIndication.REVOKED, Qualification.QESIG,
                Finding.of(FindingCode.CERTIFICATE_REVOKED, FILE, "revoked"));
        SignatureReport otherLevel = signature(Indication.TOTAL_PASSED, null, Qualification.ADESIG);

        assertThat(PathAgreement.disagreements(container(List.of(), PASSED), container(List.of(), failed)))
                .anyMatch(d -> d.contains("indication: fast TOTAL_PASSED, full TOTAL_FAILED"));
        assertThat(PathAgreement.disagreements(container(List.of(), failed), container(List.of(), otherSub)))
                .containsExactly(FILE + ": sub-indication: fast REVOKED, full HASH_FAILURE");
        assertThat(PathAgreement.disagreements(container(List.of(), failed), container(List.of(), otherCode)))
                .containsExactly(FILE + ": error codes: fast [OCSP_STATUS_REVOKED], full [CERTIFICATE_REVOKED]");
        assertThat(PathAgreement.disagreements(container(List.of(), PASSED), container(List.of(), otherLevel)))
                .containsExactly(FILE + ": level: fast QESIG, full ADESIG");
    }

    @Test
    void aContainerErrorOrAMissingSignatureDisagrees() {
        List<Finding> unsigned = List.of(Finding.of(FindingCode.DATA_FILE_UNSIGNED, "b.txt", "unsigned"));

        assertThat(PathAgreement.disagreements(container(List.of(), PASSED), container(unsigned, PASSED)))
                .contains("container error codes: fast [], full [DATA_FILE_UNSIGNED]");
        assertThat(PathAgreement.disagreements(container(List.of(), PASSED), container(List.of())))
                .contains("signatures: fast 1, full 0");
    }
}
