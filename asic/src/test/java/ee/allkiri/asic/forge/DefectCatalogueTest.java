package ee.allkiri.asic.forge;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.testkit.forge.Variant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every container of the testkit's catalogue gets its intended indication and finding codes. */
class DefectCatalogueTest {

    /**
     * Variants allkiri does not yet judge as intended, each with the issue that fixes it. Remove
     * an entry when the fix lands; the test then holds the verifier to the intended verdict.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    @DisplayName("the verifier reports each variant's intended indication and codes")
    void intendedVerdict(Variant variant) {
        ContainerReport report = Forged.VERIFIER.verify(Forged.FORGE.forge(variant), variant.fileName());

        assertThat(report.indication()).as(variant.description()).isEqualTo(variant.indication());
        assertThat(Forged.codes(report)).as(variant.description()).containsAll(variant.codes());
    }
}
