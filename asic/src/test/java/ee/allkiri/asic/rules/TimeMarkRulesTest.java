package ee.allkiri.asic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.xades.SecureXml;
import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.ByteArrayInputStream;
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
    void aGenuineTimeMarkNamesTheBdocPolicyWithItsSpuri() throws Exception {
        assertThat(TimeMarkRules.check(signature("valid-bdoc-tm.bdoc"), "s")).isEmpty();
    }

    @Test
    void anLtSignatureHasNoTimeMarkPolicy() throws Exception {
        // test.asice is an LT signature: read as a time-mark it lacks the BDOC policy
        assertThat(TimeMarkRules.check(signature("test.asice"), "s")).extracting(Finding::code)
                .containsExactly(FindingCode.TM_POLICY_IDENTIFIER);
    }
}
