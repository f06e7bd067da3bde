package ee.allkiri.asic.forge;

import static ee.allkiri.core.FindingCode.TIMESTAMP_EXCLUSIVE_C14N;
import static ee.allkiri.core.FindingCode.TIMESTAMP_INVALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.SubIndication;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.Tamper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * undersign's time-stamps name no canonicalization method but stamp the exclusive form of
 * SignatureValue (ETSI EN 319 132-1 5.3 says an absent method means the inclusive one).
 */
class TimestampCanonicalizationTest {

    private static final DataFile DOCUMENT = Forged.FORGE.document();

    private static SignatureReport verify(Verifier verifier, SignatureSpec spec) {
        ContainerReport report = verifier.verify(Forged.FORGE.container(List.of(DOCUMENT), List.of(spec)), "quirk.asice");
        return report.signatures().get(0);
    }

    private static SignatureSpec.Builder undersignLike() {
        return Forged.FORGE.spec(Forged.FORGE.personas().idCard(), DOCUMENT).withoutTimestampC14n();
    }

    @Test
    @DisplayName("a time-stamp over the exclusive form without a method is accepted with a warning")
    void exclusiveFormAcceptedWithWarning() {
        SignatureReport signature = verify(Forged.VERIFIER, undersignLike().build());

        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(signature.findings()).extracting(Finding::code, Finding::severity)
                .contains(tuple(TIMESTAMP_EXCLUSIVE_C14N, Severity.WARNING));
        assertThat(signature.timestampTime()).isNotNull();
    }

    @Test
    @DisplayName("with the strict option the same time-stamp is an error: INDETERMINATE, NO_POE")
    void strictOptionMakesItAnError() {
        SignatureReport signature = verify(Forged.STRICT_TIMESTAMPS, undersignLike().build());

        assertThat(signature.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(signature.subIndication()).isEqualTo(SubIndication.NO_POE);
        assertThat(signature.findings()).extracting(Finding::code, Finding::severity)
                .contains(tuple(TIMESTAMP_EXCLUSIVE_C14N, Severity.ERROR));
    }

    @Test
    @DisplayName("a time-stamp without a method that matches neither canonical form stays invalid")
    void neitherFormStaysInvalid() {
        SignatureReport signature = verify(Forged.VERIFIER, undersignLike().tamper(Tamper.TIMESTAMP_IMPRINT).build());

        assertThat(signature.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(signature.findings()).extracting(Finding::code)
                .contains(TIMESTAMP_INVALID).doesNotContain(TIMESTAMP_EXCLUSIVE_C14N);
    }

    @Test
    @DisplayName("a time-stamp that names its method is left alone, also under the strict option")
    void namedMethodNeedsNoRepair() {
        SignatureReport signature = verify(Forged.STRICT_TIMESTAMPS,
                Forged.FORGE.spec(Forged.FORGE.personas().idCard(), DOCUMENT).build());

        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(signature.findings()).extracting(Finding::code).doesNotContain(TIMESTAMP_EXCLUSIVE_C14N);
    }

    @Test
    @DisplayName("a damaged token in a time-stamp without a method is a finding, not a crash")
    void damagedTokenIsNotRepaired() {
        String xml = new String(Forged.FORGE.sign(undersignLike().build()), StandardCharsets.UTF_8)
                .replaceFirst("<xades:EncapsulatedTimeStamp>[^<]*<", "<xades:EncapsulatedTimeStamp>AAAAAAAA<");
        ContainerReport report = Forged.VERIFIER.verify(Forged.FORGE.containerOf(List.of(DOCUMENT),
                List.of(xml.getBytes(StandardCharsets.UTF_8))), "damaged.asice");

        assertThat(report.signatures().get(0).indication()).isNotEqualTo(Indication.TOTAL_PASSED);
        assertThat(Forged.codes(report)).doesNotContain(TIMESTAMP_EXCLUSIVE_C14N);
    }

    @Test
    @DisplayName("under an archive time-stamp, which covers the time-stamp element as written, nothing is repaired")
    void notRepairedUnderArchiveTimestamp() {
        SignatureReport signature = verify(Forged.VERIFIER, undersignLike().level(Level.LTA).build());

        assertThat(signature.findings()).extracting(Finding::code)
                .contains(TIMESTAMP_INVALID).doesNotContain(TIMESTAMP_EXCLUSIVE_C14N);
        assertThat(signature.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    }
}
