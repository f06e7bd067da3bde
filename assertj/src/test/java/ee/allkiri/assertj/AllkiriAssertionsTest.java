package ee.allkiri.assertj;

import static ee.allkiri.assertj.AllkiriAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.SubIndication;
import ee.allkiri.core.TokenType;
import ee.allkiri.core.VerificationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllkiriAssertionsTest {

    static final Signer SIGNER = new Signer("JÕEORG,JAAK-KRISTJAN,38001085718", "JAAK-KRISTJAN", "JÕEORG", null, "EE",
            "38001085718", true, TokenType.ID_CARD, true, "TEST of ESTEID2018", "00");

    static ContainerReport valid() {
        return new ContainerReport("good.asice", List.of(), List.of(), List.of(new SignatureReport("META-INF/signatures0.xml",
                "S0", Indication.TOTAL_PASSED, null, Profile.LT, Qualification.NA, SIGNER, null, null, null, null,
                List.of("a.txt"), List.of(Finding.of(FindingCode.TEST_CERTIFICATE, "s", "test chain")))));
    }

    static ContainerReport tampered() {
        return new ContainerReport("bad.asice", List.of(), List.of(), List.of(new SignatureReport("META-INF/signatures0.xml",
                "S0", Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE, Profile.LT, Qualification.NA, SIGNER, null, null,
                null, null, List.of("a.txt"), List.of(Finding.of(FindingCode.REFERENCE_DIGEST_MISMATCH, "s", "a.txt changed")))));
    }

    @Test
    void passesOnAValidContainer() {
        assertThat(valid()).isValid().hasSignatureCount(1).signedBy("38001085718").hasFinding(FindingCode.TEST_CERTIFICATE)
                .doesNotHaveFinding(FindingCode.REFERENCE_DIGEST_MISMATCH).hasIndication(Indication.TOTAL_PASSED);
        assertThat(valid()).signature("META-INF/signatures0.xml").isValid().hasTokenType(TokenType.ID_CARD);
        assertThat(new VerificationReport(List.of(valid()))).allValid().hasContainerCount(1);
    }

    @Test
    void aFailureListsTheFindings() {
        assertThatThrownBy(() -> assertThat(tampered()).isValid())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("REFERENCE_DIGEST_MISMATCH")
                .hasMessageContaining("HASH_FAILURE");
        assertThatThrownBy(() -> assertThat(valid()).signedBy("47101010033")).hasMessageContaining("38001085718");
        assertThatThrownBy(() -> assertThat(valid()).hasSignatureCount(2)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(new VerificationReport(List.of(valid(), tampered()))).allValid())
                .hasMessageContaining("bad.asice").hasMessageNotContaining("good.asice");
    }

    @Test
    void notValidPassesOnATamperedContainer() {
        assertThat(tampered()).isNotValid().hasFinding(FindingCode.REFERENCE_DIGEST_MISMATCH);
        assertThat(tampered()).signature("META-INF/signatures0.xml").hasIndication(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE);
    }
}
