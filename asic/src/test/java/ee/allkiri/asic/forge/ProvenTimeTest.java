package ee.allkiri.asic.forge;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bestSignatureTime} (the "signed at" of every report) is a proven time or nothing: a
 * signature with no time-stamp and no time-mark has none, never the validation time
 * (docs/report-formats.md; issue 15). Both paths.
 */
class ProvenTimeTest {

    private static Verifier verifier(boolean fullValidationOnly) throws IOException {
        Verifier.Builder b = Verifier.builder().trust(new PkiTrustSource(Forged.PKI))
                .validationTime(Forged.PKI.epoch().plus(Duration.ofDays(30)));
        if (fullValidationOnly) {
            b.fullValidationOnly();
        }
        return b.build();
    }

    @ParameterizedTest(name = "full validation only: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a B-level signature has no best signature time; an LT signature has its time-stamp's")
    void onlyAProvenTime(boolean fullValidationOnly) throws IOException {
        Verifier verifier = verifier(fullValidationOnly);

        ContainerReport b = verifier.verify(Forged.FORGE.forge(Variant.B_LEVEL), Variant.B_LEVEL.fileName());
        SignatureReport unproven = b.signatures().get(0);
        assertThat(unproven.timestampTime()).isNull();
        assertThat(unproven.ocspProducedAt()).isNull();
        assertThat(unproven.claimedSigningTime()).isNotNull();
        assertThat(unproven.bestSignatureTime()).isNull();

        ContainerReport lt = verifier.verify(Forged.FORGE.forge(Variant.VALID_LT), Variant.VALID_LT.fileName());
        SignatureReport proven = lt.signatures().get(0);
        assertThat(proven.timestampTime()).isNotNull();
        assertThat(proven.bestSignatureTime()).isEqualTo(proven.timestampTime());
    }
}
