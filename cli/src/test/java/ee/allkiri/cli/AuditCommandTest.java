package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import ee.allkiri.core.ReportJson;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code allkiri audit} over real fixtures, in every output format. */
class AuditCommandTest {

    @TempDir
    Path tmp;

    /** SHA-256 of test.txt, the document of the ESTEID2018 test containers. */
    static String documentSha256() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(VerifyCommandTest.fixture("valid-asice-esteid2018.asice")));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("test.txt")) {
                    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                }
            }
        }
        throw new AssertionError("test.txt not found");
    }

    private int audit(String format, Path out, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--format", format, "--output", out.toString(),
                "--at", VerifyCommandTest.AT, "--trust", VerifyCommandTest.trust(), "--document-sha256", documentSha256(),
                "--accept-test-certificates"));
        args.addAll(List.of(extra));
        args.add(VerifyCommandTest.fixture("valid-asice-esteid2018.asice"));
        args.add(VerifyCommandTest.fixture("2_signatures_duplicate_id.asice"));
        args.add(VerifyCommandTest.fixture("invalid-data-file.bdoc"));
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void jsonAddsCountsAndExclusionsToTheVerifyContract() throws Exception {
        Path out = tmp.resolve("audit.json");
        assertThat(audit("json", out, "--threshold", "1")).isEqualTo(Main.OK);
        JsonNode root = ReportJson.reader().readTree(Files.readString(out));
        assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
        JsonNode first = root.get("containers").get(0).get("signatures").get(0);
        assertThat(first.get("counted").asBoolean()).isFalse();
        assertThat(first.get("exclusions").get(0).asText()).isEqualTo("DUPLICATE_PERSON");
        JsonNode summary = root.get("summary");
        assertThat(summary.get("signatures").asInt()).isEqualTo(4);
        assertThat(summary.get("counted").asInt()).isEqualTo(1);
        assertThat(summary.get("thresholdReached").asBoolean()).isTrue();
        assertThat(summary.get("excluded").get("DUPLICATE_PERSON").asInt()).isEqualTo(2);
        assertThat(summary.get("excluded").get("NOT_VALID").asInt()).isEqualTo(1);
        // the tampered file is not among what its signature signed, so only its invalidity excludes it
        assertThat(summary.get("excluded").get("NOT_THE_DOCUMENT")).isNull();
    }

    @Test
    void anUnreachedThresholdExitsOne() throws Exception {
        assertThat(audit("json", tmp.resolve("a.json"), "--threshold", "2")).isEqualTo(Main.FAILED);
    }

    @Test
    void withoutTestCertificatesNothingCounts() throws Exception {
        Path out = tmp.resolve("strict.json");
        int code = Main.run("audit", "--format", "json", "--output", out.toString(), "--at", VerifyCommandTest.AT,
                "--trust", VerifyCommandTest.trust(),
                "--document-sha256", documentSha256(), "--threshold", "1",
                VerifyCommandTest.fixture("valid-asice-esteid2018.asice"));
        assertThat(code).isEqualTo(Main.FAILED);
        JsonNode summary = ReportJson.reader().readTree(Files.readString(out)).get("summary");
        assertThat(summary.get("excluded").get("TEST_CERTIFICATE").asInt()).isEqualTo(1);
    }

    @Test
    void csvHasOneRowPerSignatureAndRoundTripsThroughACsvParser() throws Exception {
        Path out = tmp.resolve("audit.csv");
        audit("csv", out);
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withComments()).readValues(out.toFile())) {
            List<Map<String, String>> rows = it.readAll();
            assertThat(rows).hasSize(4);
            assertThat(rows).extracting(r -> r.get("file")).containsOnly("META-INF/signatures0.xml", "META-INF/signatures1.xml");
            assertThat(rows.get(0).get("commonName")).isEqualTo("JÕEORG,JAAK-KRISTJAN,38001085718");
            assertThat(rows).extracting(r -> r.get("counted")).containsExactly("false", "false", "true", "false");
            assertThat(rows.get(3).get("exclusions")).contains("NOT_VALID");
        }
    }

    @Test
    void junitXmlValidatesAgainstTheCommonSchema() throws Exception {
        Path out = tmp.resolve("audit.xml");
        audit("junit", out);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/junit/JUnit.xsd"));
        schema.newValidator().validate(new StreamSource(out.toFile()));
        String xml = Files.readString(out);
        assertThat(xml).contains("<failure", "DUPLICATE_PERSON");

        Path verify = tmp.resolve("verify.xml");
        Main.run("verify", "--format", "junit", "--output", verify.toString(), "--at", VerifyCommandTest.AT,
                "--trust", VerifyCommandTest.trust(),
                VerifyCommandTest.containers().toString());
        schema.newValidator().validate(new StreamSource(verify.toFile()));
    }

    @Test
    void maskingHidesPersonalCodesAndBirthDatesEverywhere() throws Exception {
        for (String format : List.of("json", "csv", "text", "html", "junit")) {
            Path out = tmp.resolve("masked." + format);
            audit(format, out, "--mask-personal-codes");
            String text = Files.readString(out);
            assertThat(text).as(format).doesNotContain("38001085718").doesNotContain("380010").contains("*******5718");
        }
    }

    @Test
    void theHtmlReportIsOneFileWithoutExternalAssets() throws Exception {
        Path out = tmp.resolve("audit.html");
        audit("html", out);
        String html = Files.readString(out);
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link ", "src=\"//");
        assertThat(html).contains("\"counted\"");
    }

    @Test
    void aMissingDocumentIsAUsageError() {
        assertThat(Main.run("audit", "--trust", VerifyCommandTest.trust(), VerifyCommandTest.fixture("valid-bdoc-tm.bdoc")))
                .isEqualTo(Main.ERROR);
        assertThat(Main.run("audit", "--trust", VerifyCommandTest.trust(), "--document-sha256", "nothex",
                VerifyCommandTest.fixture("valid-bdoc-tm.bdoc"))).isEqualTo(Main.ERROR);
    }

}
