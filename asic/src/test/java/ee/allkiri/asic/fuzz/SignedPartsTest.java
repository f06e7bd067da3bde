package ee.allkiri.asic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.core.Indication;
import ee.allkiri.testkit.forge.Variant;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fuzz oracle, held to what a signature binds. The reproducers of the fuzz runs' findings
 * are here by name (their inputs are also replayed from SignedContentFuzzTestInputs).
 */
class SignedPartsTest {

    private static final Base MULTI = Base.of("multi", Hostile.FORGE.forge(Variant.VALID_MULTI_SIGNATURE), Hostile.fast(),
            Hostile.full());

    @Test
    @DisplayName("reproducer crash-7a86421a: base64 of the certificate with its padding '=' made a letter binds the same certificate, and passes")
    void trailingBitsAfterTheCertificateAreTheSameCertificate() {
        byte[] original = MULTI.entries().get(MULTI.signatureFile());
        int[] range = SignedParts.range(original, Region.SIGNER_CERTIFICATE);
        MutationPlan plan = MutationPlan.of(new byte[] {4, 3, 1, 0, 0x20, 0, 3}, 13); // the edit the fuzzer found
        byte[] mutated = plan.apply(original, range[0], range[1]);

        assertThat(new String(mutated, StandardCharsets.ISO_8859_1)).contains("Xs5</ds:X509Certificate>");
        assertThat(SignedParts.bound(mutated, Region.SIGNER_CERTIFICATE))
                .isEqualTo(SignedParts.bound(original, Region.SIGNER_CERTIFICATE));
        assertThat(MULTI.full().verify(MULTI.with(MULTI.signatureFile(), mutated), "multi.asice").indication())
                .isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    @DisplayName("a changed letter inside the certificate's base64 is another (or no) certificate, and does not pass")
    void changedCertificateIsNotTheSame() {
        byte[] original = MULTI.entries().get(MULTI.signatureFile());
        int[] range = SignedParts.range(original, Region.SIGNER_CERTIFICATE);
        byte[] mutated = new MutationPlan(0, Region.SIGNER_CERTIFICATE, 0, java.util.List.of(new MutationPlan.Edit(0, 700, 1)))
                .apply(original, range[0], range[1]);

        assertThat(SignedParts.bound(mutated, Region.SIGNER_CERTIFICATE))
                .isNotEqualTo(SignedParts.bound(original, Region.SIGNER_CERTIFICATE));
        assertThat(MULTI.full().verify(MULTI.with(MULTI.signatureFile(), mutated), "multi.asice").indication())
                .isNotEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    @DisplayName("a comment added inside SignedInfo binds the same canonical bytes")
    void commentIsNotAChange() {
        byte[] original = MULTI.entries().get(MULTI.signatureFile());
        String xml = new String(original, StandardCharsets.UTF_8);
        byte[] commented = xml.replaceFirst("<ds:SignatureMethod", "<!-- a comment --><ds:SignatureMethod")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(SignedParts.bound(commented, Region.SIGNED_INFO)).isEqualTo(SignedParts.bound(original, Region.SIGNED_INFO));
    }
}
