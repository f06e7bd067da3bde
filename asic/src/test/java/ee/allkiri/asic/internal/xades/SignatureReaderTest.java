package ee.allkiri.asic.internal.xades;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The positional reader on real signatures and on signatures whose parts are out of place. */
class SignatureReaderTest {

    private static String signature(String fixture) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Fixtures.bytes(fixture)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().startsWith("META-INF/") && e.getName().contains("signatures")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no signature in " + fixture);
    }

    private static SignatureReader.Result read(String xml) throws Exception {
        return SignatureReader.read(new SecureXml().parse(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static SignatureModel model(String xml) throws Exception {
        SignatureReader.Result result = read(xml);
        assertThat(result).isInstanceOf(SignatureReader.Read.class);
        return ((SignatureReader.Read) result).model();
    }

    private static FindingCode refusal(String xml) throws Exception {
        SignatureReader.Result result = read(xml);
        assertThat(result).isInstanceOf(SignatureReader.Refused.class);
        return ((SignatureReader.Refused) result).code();
    }

    @Test
    void aTimeMarkSignatureReadsItsSignedPolicyAndItsOcspResponse() throws Exception {
        SignatureModel model = model(signature("valid-bdoc-tm.bdoc"));
        assertThat(model.profile()).isEqualTo(Profile.LT_TM);
        assertThat(model.signed().policy().oid()).isEqualTo("1.3.6.1.4.1.10015.1000.3.2.1");
        assertThat(model.signed().policy().spuri()).isNotBlank();
        assertThat(model.unsigned().ocspValues()).hasSize(1);
        assertThat(model.signed().signingCertificates()).hasSize(1);
    }

    @Test
    void anLtSignatureReadsOneTimestampAndNoPolicy() throws Exception {
        SignatureModel model = model(signature("test.asice"));
        assertThat(model.profile()).isEqualTo(Profile.LT);
        assertThat(model.unsigned().signatureTimestamps()).hasSize(1);
        assertThat(model.unsigned().signatureTimestamps().get(0).tokens()).hasSize(1);
    }

    @Test
    void aPolicyCopiedIntoTheUnsignedPropertiesIsRefusedNotRead() throws Exception {
        String xml = signature("test.asice");
        String copy = "<xades:SignaturePolicyIdentifier><xades:SignaturePolicyImplied/></xades:SignaturePolicyIdentifier>";
        String forged = xml.replaceFirst("(<xades:UnsignedSignatureProperties[^>]*>)", "$1" + copy);
        assertThat(refusal(forged)).isEqualTo(FindingCode.SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void aSecondObjectIsRefused() throws Exception {
        String xml = signature("test.asice");
        String forged = xml.replace("</ds:Signature>", "<ds:Object><x xmlns=\"urn:x\"/></ds:Object></ds:Signature>");
        assertThat(refusal(forged)).isEqualTo(FindingCode.SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void unsignedPropertiesInAnotherNamespaceAreRefused() throws Exception {
        String xml = signature("test.asice");
        String forged = xml.replace("<xades:UnsignedProperties", "<evil:UnsignedProperties xmlns:evil=\"urn:evil\"")
                .replace("</xades:UnsignedProperties>", "</evil:UnsignedProperties>");
        assertThat(refusal(forged)).isEqualTo(FindingCode.SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void signedPropertiesOutOfOrderAreRefused() throws Exception {
        String xml = signature("test.asice");
        // SigningTime after SigningCertificate: the schema's sequence puts it first
        String time = xml.substring(xml.indexOf("<xades:SigningTime>"), xml.indexOf("</xades:SigningTime>") + 20);
        String forged = xml.replace(time, "").replace("</xades:SigningCertificate>", "</xades:SigningCertificate>" + time);
        assertThat(refusal(forged)).isEqualTo(FindingCode.SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void twoElementsWithOneIdAreRefused() throws Exception {
        String xml = signature("test.asice");
        String id = xml.replaceFirst("(?s).*<xades:SignedProperties[^>]*Id=\"([^\"]*)\".*", "$1");
        String forged = xml.replaceFirst("(<xades:UnsignedSignatureProperties)", "$1 Id=\"" + id + "\"");
        assertThat(refusal(forged)).isEqualTo(FindingCode.SIGNATURE_STRUCTURE_INVALID);
    }
}
