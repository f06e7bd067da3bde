package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.SignatureReport;
import org.junit.jupiter.api.Test;

/** Rules that no fixture breaks on its own, triggered by editing a valid fixture. */
class CraftedContainersTest {

    private static final String VALID = "valid-asice-esteid2018.asice";
    private static final String SIG = "META-INF/signatures0.xml";

    private static ContainerReport verify(Rezip zip) {
        return Fixtures.verifier().verify(zip.bytes(), "crafted.asice");
    }

    private static SignatureReport only(ContainerReport report) {
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    @Test
    void theUnmodifiedRewriteStillPasses() {
        assertThat(verify(Rezip.of(VALID)).valid()).isTrue();
    }

    @Test
    void aSignatureFileThatIsNotXmlIsMalformed() {
        SignatureReport sig = only(verify(Rezip.of(VALID).put(SIG, "not xml at all")));
        assertThat(sig.findings()).extracting(Finding::code).containsExactly(FindingCode.SIGNATURE_XML_MALFORMED);
        assertThat(sig.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void aSignatureFileWithADoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        Rezip zip = Rezip.of(VALID);
        zip.edit(SIG, xml -> xml.replaceFirst("(<\\?xml[^>]*\\?>)?",
                "$1<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"));
        SignatureReport sig = only(verify(zip));
        assertThat(sig.findings()).extracting(Finding::code).containsExactly(FindingCode.SIGNATURE_XML_MALFORMED);
    }

    @Test
    void aSignatureFileWithoutSignatureIsNotOnePerFile() {
        Rezip zip = Rezip.of(VALID).put(SIG, "<asic:XAdESSignatures xmlns:asic=\"http://uri.etsi.org/02918/v1.2.1#\"/>");
        SignatureReport sig = only(verify(zip));
        assertThat(sig.findings()).extracting(Finding::code).containsExactly(FindingCode.SIGNATURE_NOT_ONE_PER_FILE);
    }

    @Test
    void aSignatureFileWithTwoSignaturesIsNotOnePerFile() {
        Rezip zip = Rezip.of(VALID);
        zip.edit(SIG, xml -> {
            int start = xml.indexOf("<ds:Signature ");
            int end = xml.indexOf("</ds:Signature>") + "</ds:Signature>".length();
            String signature = xml.substring(start, end);
            return xml.substring(0, end) + signature.replace("Id=\"S0\"", "Id=\"S1\"") + xml.substring(end);
        });
        SignatureReport sig = only(verify(zip));
        assertThat(sig.findings()).extracting(Finding::code).contains(FindingCode.SIGNATURE_NOT_ONE_PER_FILE);
        assertThat(sig.valid()).isFalse();
    }

    @Test
    void aSecondSignedPropertiesIsFlagged() {
        Rezip zip = Rezip.of(VALID);
        zip.edit(SIG, xml -> xml.replace("</xades:QualifyingProperties>",
                "<xades:SignedProperties Id=\"extra\"/></xades:QualifyingProperties>"));
        SignatureReport sig = only(verify(zip));
        assertThat(sig.findings()).extracting(Finding::code).contains(FindingCode.SIGNED_PROPERTIES_MULTIPLE);
        assertThat(sig.valid()).isFalse();
    }

    @Test
    void aFileAddedToContainerAndManifestIsUnsigned() {
        Rezip zip = Rezip.of(VALID).put("added.txt", "slipped in later");
        zip.edit("META-INF/manifest.xml", m -> m.replace("</manifest:manifest>",
                "<manifest:file-entry manifest:full-path=\"added.txt\" manifest:media-type=\"text/plain\"/></manifest:manifest>"));
        ContainerReport report = verify(zip);
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.DATA_FILE_UNSIGNED);
        assertThat(only(report).findings()).extracting(Finding::code).contains(FindingCode.SIGNATURE_INCOMPLETE_COVERAGE);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aContainerWithoutSignatureFilesHasNoSignatures() {
        ContainerReport report = verify(Rezip.of(VALID).remove(SIG));
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.NO_SIGNATURES);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aChangedDataFileBreaksTheReference() {
        Rezip zip = Rezip.of(VALID);
        String name = zip.text("META-INF/manifest.xml").replaceAll("(?s).*full-path=\"([^/\"]+)\".*", "$1");
        zip.put(name, "changed content");
        SignatureReport sig = only(verify(zip));
        assertThat(sig.findings()).extracting(Finding::code).contains(FindingCode.REFERENCE_DIGEST_MISMATCH);
        assertThat(sig.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }
}
