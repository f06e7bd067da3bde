package ee.allkiri.asic.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ee.allkiri.asic.fuzz.SeedCorpus;
import ee.allkiri.asic.fuzz.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the manifest parser, seeded with the manifest of every fixture and forged variant and
 * with hostile XML (entities, expansion, nesting): it never throws, and it either lists entries
 * with a path each or says why the manifest is malformed.
 */
class ManifestParserFuzzTest {

    private static final ManifestParser PARSER = new ManifestParser();

    @BeforeAll
    static void seeds() {
        Map<String, byte[]> containers = new LinkedHashMap<>(Seeds.forged());
        containers.putAll(Seeds.fixtures(name -> true));
        Map<String, byte[]> seeds = new LinkedHashMap<>(Seeds.manifests(containers));
        String ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
        seeds.put("xxe.xml", ("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<manifest:manifest xmlns:manifest=\"" + ns + "\">&x;</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
        seeds.put("nested.xml", ("<manifest:manifest xmlns:manifest=\"" + ns + "\">" + "<a>".repeat(40) + "</a>".repeat(40)
                + "</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
        SeedCorpus.write(ManifestParserFuzzTest.class, "parsesAnyBytes", seeds);
    }

    @FuzzTest(maxDuration = "2m")
    void parsesAnyBytes(byte[] xml) {
        ManifestParser.Result result = PARSER.parse(xml);

        if (result.entries() == null) {
            assertThat(result.problem()).isNotBlank();
        } else {
            assertThat(result.entries()).allSatisfy(e -> assertThat(e.fullPath()).isNotNull());
        }
    }
}
