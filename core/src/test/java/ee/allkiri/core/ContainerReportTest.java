package ee.allkiri.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerReportTest {

    private static SignatureReport signature(Indication indication, SubIndication sub, Finding... findings) {
        return new SignatureReport("META-INF/signatures0.xml", "S0", indication, sub, Profile.LT, Qualification.NA,
                null, null, null, null, null, List.of(), List.of(findings));
    }

    @Test
    void aContainerWithoutSignaturesIsNotValid() {
        ContainerReport c = new ContainerReport("x", List.of(), List.of(), List.of());
        assertThat(c.valid()).isFalse();
        assertThat(c.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void aContainerErrorMakesItInvalidEvenWithPassingSignatures() {
        ContainerReport c = new ContainerReport("x", List.of(Finding.of(FindingCode.DATA_FILE_UNSIGNED, "a", "m")),
                List.of(), List.of(signature(Indication.TOTAL_PASSED, null)));
        assertThat(c.valid()).isFalse();
        assertThat(c.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void aContainerWarningDoesNotMakeItInvalid() {
        ContainerReport c = new ContainerReport("x", List.of(Finding.of(FindingCode.DATA_FILE_EMPTY, "a", "m")),
                List.of(), List.of(signature(Indication.TOTAL_PASSED, null)));
        assertThat(c.valid()).isTrue();
        assertThat(c.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void anIndeterminateSignatureMakesTheContainerIndeterminate() {
        ContainerReport c = new ContainerReport("x", List.of(), List.of(), List.of(
                signature(Indication.TOTAL_PASSED, null),
                signature(Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                        Finding.of(FindingCode.CERTIFICATE_CHAIN_UNTRUSTED, "s", "m"))));
        assertThat(c.valid()).isFalse();
        assertThat(c.indication()).isEqualTo(Indication.INDETERMINATE);
    }

    @Test
    void aPassingSignatureCannotCarryAnError() {
        assertThatThrownBy(() -> signature(Indication.TOTAL_PASSED, null,
                Finding.of(FindingCode.REFERENCE_DIGEST_MISMATCH, "s", "m")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
