package ee.allkiri.asic.estonian;

import static ee.allkiri.asic.estonian.BothPaths.severities;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.zip.RawZip;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mimetype entry as SiVa weighs it (issue 16, point 5): for an .asice or .sce container a
 * missing mimetype, or one with another media type, is a warning and the signature is judged as
 * usual; with the strict mimetype option it is an error; a .bdoc keeps BDOC 2.1 6.1's
 * requirement; an entry named like mimetype but not exactly is an error for every container.
 */
class MimetypeLeniencyTest {

    private static final ContainerForge FORGE = BothPaths.forge();

    /** A container signed by an ID-card, the mimetype entry as given (name null: none). */
    private static byte[] container(String mimetypeName, String mimetypeContent) {
        DataFile doc = FORGE.document();
        byte[] signature = FORGE.sign(FORGE.spec(FORGE.personas().idCard(), doc).build());
        RawZip zip = new RawZip();
        if (mimetypeName != null) {
            zip.add(mimetypeName, mimetypeContent);
        }
        zip.add("META-INF/manifest.xml", Manifest.of(List.of(doc))).deflated();
        zip.add(doc.name(), doc.content()).deflated();
        zip.add("META-INF/signatures0.xml", signature).deflated();
        return zip.toBytes();
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anAsiceWithoutMimetypeIsValidWithAWarning(BothPaths path) {
        ContainerReport report = path.verifier().verify(container(null, null), "no-mimetype.asice");

        assertThat(severities(report, FindingCode.MIMETYPE_MISSING)).containsExactly(Severity.WARNING);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).singleElement().extracting(s -> s.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anSceWithAnotherMediaTypeIsValidWithAWarning(BothPaths path) {
        ContainerReport report = path.verifier().verify(container("mimetype", "application/zip"), "other-type.SCE");

        assertThat(severities(report, FindingCode.MIMETYPE_WRONG_CONTENT)).containsExactly(Severity.WARNING);
        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void strictMimetypeKeepsThemErrors(BothPaths path) {
        var strict = path.verifier(b -> b.strictMimetype());

        ContainerReport missing = strict.verify(container(null, null), "no-mimetype.asice");
        ContainerReport other = strict.verify(container("mimetype", "application/zip"), "other-type.asice");

        assertThat(severities(missing, FindingCode.MIMETYPE_MISSING)).containsExactly(Severity.ERROR);
        assertThat(severities(other, FindingCode.MIMETYPE_WRONG_CONTENT)).containsExactly(Severity.ERROR);
        assertThat(missing.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(other.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aBdocKeepsBdocRequirement(BothPaths path) {
        ContainerReport missing = path.verifier().verify(container(null, null), "no-mimetype.bdoc");
        ContainerReport other = path.verifier().verify(container("mimetype", "application/zip"), "other-type.bdoc");

        assertThat(severities(missing, FindingCode.MIMETYPE_MISSING)).containsExactly(Severity.ERROR);
        assertThat(severities(other, FindingCode.MIMETYPE_WRONG_CONTENT)).containsExactly(Severity.ERROR);
        assertThat(missing.valid()).isFalse();
        assertThat(other.valid()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anUnknownNameGetsNoLeniency(BothPaths path) {
        ContainerReport report = path.verifier().verify(container(null, null), "upload");

        assertThat(severities(report, FindingCode.MIMETYPE_MISSING)).containsExactly(Severity.ERROR);
        assertThat(report.valid()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aMisnamedMimetypeEntryIsAnErrorForEveryContainer(BothPaths path) {
        for (String name : List.of("Mimetype", "mimetype ", "MIMETYPE")) {
            for (String container : List.of("misnamed.asice", "misnamed.bdoc")) {
                ContainerReport report = path.verifier().verify(container(name, Manifest.ASIC_E), container);

                assertThat(severities(report, FindingCode.MIMETYPE_WRONG_NAME)).as(name + " in " + container)
                        .containsExactly(Severity.ERROR);
                assertThat(report.valid()).as(name + " in " + container).isFalse();
            }
        }
    }
}
