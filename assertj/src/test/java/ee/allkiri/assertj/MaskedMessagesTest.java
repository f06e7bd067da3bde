package ee.allkiri.assertj;

import static ee.allkiri.assertj.AllkiriAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.PersonalCodeMask;
import ee.allkiri.core.audit.Exclusion;
import org.junit.jupiter.api.Test;

/** Failure messages can mask personal codes (issue #15), for CI logs others read. */
class MaskedMessagesTest {

    private static final String ADULT = AuditReportAssertTest.ADULT;

    @Test
    void anAuditFailureMasksTheCodesItLists() {
        assertThatThrownBy(() -> assertThat(AuditReportAssertTest.audit(null)).maskingPersonalCodes().hasCounted(2))
                .isInstanceOf(AssertionError.class)
                .message().doesNotContain(ADULT).doesNotContain("800108").contains("*******5718");
        assertThatThrownBy(() -> assertThat(AuditReportAssertTest.audit(null)).maskingPersonalCodes(PersonalCodeMask.LAST_TWO)
                .excludes("48001010010", Exclusion.UNDER_AGE))
                .message().doesNotContain("48001010010", ADULT).contains("*********10", "*********18");
    }

    @Test
    void aContainerFailureMasksNamesAndTheExpectedCode() {
        ContainerReport bundle = AuditReportAssertTest.audit(null).containers().get(0);
        assertThatThrownBy(() -> assertThat(bundle).maskingPersonalCodes().signedBy("39912310174"))
                .message().doesNotContain("39912310174", ADULT).contains("*******0174", "X,Y,*******5718");
        assertThatThrownBy(() -> assertThat(bundle).maskingPersonalCodes().signature("META-INF/signatures-1.xml")
                .signedBy("39912310174"))
                .message().doesNotContain(ADULT).contains("*******5718");
    }

    @Test
    void withoutAMaskCodesAreInFull() {
        assertThatThrownBy(() -> assertThat(AuditReportAssertTest.audit(null)).hasCounted(2)).message().contains(ADULT);
    }
}
