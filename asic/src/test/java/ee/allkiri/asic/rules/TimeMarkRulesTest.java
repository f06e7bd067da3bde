package ee.allkiri.asic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.xades.SecureXml;
import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.ocsp.OcspResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class TimeMarkRulesTest {

    private static SignatureXml signature(String fixture) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Fixtures.bytes(fixture)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().startsWith("META-INF/") && e.getName().contains("signatures")) {
                    return SignatureXml.read(new SecureXml().parse(in.readAllBytes()));
                }
            }
        }
        throw new AssertionError("no signature in " + fixture);
    }

    @Test
    void anOcspResponseWithoutNonceIsNoTimeMark() throws Exception {
        // test.asice is an LT signature whose OCSP response carries no nonce
        SignatureXml xml = signature("test.asice");
        OcspResponse ocsp = OcspResponse.parse(xml.ocspValues().get(0));
        List<Finding> findings = TimeMarkRules.check(xml, ocsp, List.of(), Verifier.DEFAULT_TIME_MARK_RESPONDERS, "s");
        assertThat(findings).extracting(Finding::code).contains(FindingCode.TM_OCSP_NONCE_MISSING);
    }

    @Test
    void aGenuineTimeMarkPassesEveryRule() throws Exception {
        SignatureXml xml = signature("valid-bdoc-tm.bdoc");
        OcspResponse ocsp = OcspResponse.parse(xml.ocspValues().get(0));
        assertThat(TimeMarkRules.check(xml, ocsp, List.of(), Verifier.DEFAULT_TIME_MARK_RESPONDERS, "s")).isEmpty();
    }
}
