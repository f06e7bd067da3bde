package ee.allkiri.assertj;

import static ee.allkiri.assertj.AllkiriAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.SubIndication;
import ee.allkiri.core.TokenType;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.Exclusion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditReportAssertTest {

    static final String DOCUMENT = "a".repeat(64);
    static final String ADULT = "38001085718";
    static final String OTHER = "48001010010";

    static Signer signer(String code) {
        return new Signer("X,Y," + code, "Y", "X", null, "EE", code, true, TokenType.ID_CARD, false, "ESTEID2018", "00");
    }

    static SignatureReport signature(String file, String code, Indication indication, SubIndication sub, String day) {
        return new SignatureReport(file, "S", indication, sub, Profile.LT, Qualification.QESIG, signer(code), null, null,
                Instant.parse(day + "T10:00:00Z"), null, List.of("initiative.html"), List.of());
    }

    /** Three signatures: one person twice (the later one counts), and a tampered one. */
    static AuditReport audit(Integer threshold) {
        ContainerReport bundle = new ContainerReport("bundle.asice", List.of(),
                List.of(new DataFile("initiative.html", "text/html", 10, DOCUMENT)), List.of(
                signature("META-INF/signatures-1.xml", ADULT, Indication.TOTAL_PASSED, null, "2026-01-05"),
                signature("META-INF/signatures-2.xml", ADULT, Indication.TOTAL_PASSED, null, "2026-01-06"),
                signature("META-INF/signatures-3.xml", OTHER, Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE,
                        "2026-01-07")));
        return Audit.of(List.of(bundle), AuditPolicy.forDocument(DOCUMENT).withThreshold(threshold));
    }

    @Test
    void passesOnWhatTheAuditCounted() {
        assertThat(audit(1)).hasCounted(1).reachesThreshold().counts(ADULT)
                .excludes(ADULT, Exclusion.DUPLICATE_PERSON).excludes(OTHER, Exclusion.NOT_VALID)
                .hasExclusionCount(Exclusion.NOT_VALID, 1).hasExclusionCount(Exclusion.UNDER_AGE, 0);
        assertThat(audit(2)).doesNotReachThreshold();
    }

    @Test
    void aFailureListsTheExcludedSignaturesWithTheirCodes() {
        assertThatThrownBy(() -> assertThat(audit(null)).hasCounted(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("signatures-3.xml")
                .hasMessageContaining("NOT_VALID")
                .hasMessageContaining("DUPLICATE_PERSON");
        assertThatThrownBy(() -> assertThat(audit(null)).counts(OTHER)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(audit(null)).doesNotReachThreshold()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(audit(5)).reachesThreshold()).isInstanceOf(AssertionError.class);
    }

    @Test
    void signatureAssertionsSayWhatASignatureIsNot() {
        SignatureReport tampered = signature("s.xml", OTHER, Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE, "2026-01-07");
        assertThat(tampered).isNotValid().doesNotHaveFinding(ee.allkiri.core.FindingCode.TEST_CERTIFICATE);
        assertThatThrownBy(() -> assertThat(signature("s.xml", ADULT, Indication.TOTAL_PASSED, null, "2026-01-05")).isNotValid())
                .isInstanceOf(AssertionError.class);
    }
}
