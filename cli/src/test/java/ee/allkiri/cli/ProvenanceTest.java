package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.core.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every format says how the report was made (issue #15): the allkiri version, the validation
 * time, the options and policy in force, each trust source (a trusted list with its name,
 * sequence number, issue date and SHA-256; plain anchors by number and set digest), and each
 * container's SHA-256 and size. The fields per format are listed in docs/report-formats.md.
 */
class ProvenanceTest {

    @TempDir
    Path tmp;

    static final String AT = "2025-01-15T10:00:00Z";
    static final String CONTAINER = VerifyCommandTest.fixture("valid-asice-esteid2018.asice");

    private Path audit(String format, String... extra) throws Exception {
        Path out = tmp.resolve("audit." + format);
        List<String> args = new ArrayList<>(List.of("audit", "--format", format, "--output", out.toString(),
                "--trust", VerifyCommandTest.trust(), "--trust", "ee-test", "--at", AT, "--strict-mimetype",
                "--document-sha256", AuditCommandTest.documentSha256(), "--from", "2024-09-01", "--until", "2024-09-30"));
        args.addAll(List.of(extra));
        args.add(CONTAINER);
        int code = Main.run(args.toArray(String[]::new));
        assertThat(code).isIn(Main.OK, Main.FAILED);
        return out;
    }

    static String sha256(String file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(file))));
    }

    @Test
    void json() throws Exception {
        JsonNode p = ReportJson.reader().readTree(Files.readString(audit("json", "--accept-test-certificates")))
                .get("provenance");
        assertThat(p.get("allkiriVersion").asText()).isEqualTo(Version.number()).isNotBlank();
        assertThat(p.get("validationTime").asText()).isEqualTo(AT);
        JsonNode options = p.get("options");
        assertThat(options.get("strictMimetype").asText()).isEqualTo("true");
        assertThat(options.get("strictTimestampC14n").asText()).isEqualTo("false");
        assertThat(options.get("acceptTest").asText()).isEqualTo("true");
        assertThat(options.get("staleTrust").asText()).isEqualTo("warning");
        assertThat(options.get("minimumAge").asText()).isEqualTo("16");
        assertThat(options.get("personalCodeMask").asText()).isEqualTo("none");
        JsonNode anchors = p.get("trust").get(0);
        assertThat(anchors.get("source").asText()).isEqualTo(VerifyCommandTest.trust());
        assertThat(anchors.get("anchors").size()).isGreaterThan(10);
        assertThat(anchors.get("anchorsSha256").asText()).hasSize(64);
        JsonNode lists = p.get("trust").get(1);
        assertThat(lists.get("source").asText()).isEqualTo("ee-test");
        assertThat(lists.get("lists").size()).isGreaterThan(0);
        for (JsonNode list : lists.get("lists")) {
            assertThat(list.get("name").asText()).isNotBlank();
            assertThat(list.get("sequence").asInt()).isPositive();
            assertThat(list.get("issued").asText()).endsWith("Z");
            assertThat(list.get("sha256").asText()).hasSize(64);
        }
        JsonNode input = p.get("inputs").get(0);
        assertThat(input.get("path").asText()).isEqualTo(CONTAINER);
        assertThat(input.get("name").asText()).isEqualTo("valid-asice-esteid2018.asice");
        assertThat(input.get("sha256").asText()).isEqualTo(sha256(CONTAINER));
        assertThat(input.get("size").asLong()).isEqualTo(Files.size(Path.of(CONTAINER)));
    }

    @Test
    void csvHeaderComments() throws Exception {
        String csv = Files.readString(audit("csv"));
        Map<String, String> comments = new LinkedHashMap<>();
        for (String line : csv.replace("\uFEFF", "").split("\r\n")) {
            if (line.startsWith("# ")) {
                int colon = line.indexOf(": ");
                comments.merge(line.substring(2, colon), line.substring(colon + 2), (a, b) -> a + "\n" + b);
            }
        }
        assertThat(comments.get("allkiriVersion")).isEqualTo(Version.number());
        assertThat(comments.get("validationTime")).isEqualTo(AT);
        assertThat(comments.get("option.strictMimetype")).isEqualTo("true");
        assertThat(comments.get("option.acceptTest")).isEqualTo("false");
        assertThat(comments.get("trust.1.anchors")).matches("\\d+ certificates, set sha256 [0-9a-f]{64}");
        assertThat(comments.get("trust.2.source")).isEqualTo("ee-test");
        assertThat(comments.get("trust.2.list")).matches("(?s)\\S+ sequence \\d+ issued \\S+Z nextUpdate \\S+ sha256 [0-9a-f]{64} .*");
        List<Map<String, String>> rows;
        try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .readerForMapOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader().withComments())
                .readValues(csv.substring(1))) {
            rows = it.readAll();
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("containerSha256")).isEqualTo(sha256(CONTAINER));
        assertThat(rows.get(0).get("containerSize")).isEqualTo(String.valueOf(Files.size(Path.of(CONTAINER))));
    }

    @Test
    void htmlVisibleSection() throws Exception {
        String html = Files.readString(audit("html", "--accept-test-certificates"));
        assertThat(html).contains("<section id=\"provenance\"><h2>How this report was made</h2>");
        assertThat(cell(html, "p-allkiri-version")).isEqualTo(Version.number());
        assertThat(cell(html, "p-validation-time")).isEqualTo(AT);
        assertThat(cell(html, "p-option-strictMimetype")).isEqualTo("true");
        assertThat(cell(html, "p-option-acceptTest")).isEqualTo("true");
        assertThat(html).containsPattern("trusted list \\S+, sequence \\d+, issued \\S+Z, next update \\S+, SHA-256 <code>[0-9a-f]{64}</code>");
        assertThat(html).containsPattern("\\d+ certificates trusted directly, set SHA-256 <code>[0-9a-f]{64}</code>");
        assertThat(html).contains("<td><code>" + sha256(CONTAINER) + "</code></td><td>" + Files.size(Path.of(CONTAINER)) + "</td>");
        assertThat(html).contains("id=\"rehearsal\"");
        assertThat(Files.readString(audit("html"))).doesNotContain("id=\"rehearsal\"");
    }

    @Test
    void junitProperties() throws Exception {
        Path xml = audit("junit");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("/junit/JUnit.xsd"))
                .newValidator().validate(new StreamSource(xml.toFile()));
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            properties.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        assertThat(properties.get("allkiri.version")).isEqualTo(Version.number());
        assertThat(properties.get("allkiri.validationTime")).isEqualTo(AT);
        assertThat(properties.get("allkiri.option.strictMimetype")).isEqualTo("true");
        assertThat(properties.get("allkiri.option.acceptTest")).isEqualTo("false");
        assertThat(properties.get("allkiri.trust.1.anchorsSha256")).hasSize(64);
        assertThat(properties.get("allkiri.trust.2.source")).isEqualTo("ee-test");
        assertThat(Integer.parseInt(properties.get("allkiri.trust.2.list.1.sequence"))).isPositive();
        assertThat(properties.get("allkiri.trust.2.list.1.issued")).endsWith("Z");
        assertThat(properties.get("allkiri.trust.2.list.1.sha256")).hasSize(64);
        assertThat(properties.get("allkiri.container.sha256")).isEqualTo(sha256(CONTAINER));
        assertThat(properties.get("allkiri.container.size")).isEqualTo(String.valueOf(Files.size(Path.of(CONTAINER))));
    }

    private static String cell(String html, String rowId) {
        Matcher m = Pattern.compile("<tr id=\"" + rowId + "\"><th scope=\"row\">[^<]*</th><td>(.*?)</td></tr>").matcher(html);
        assertThat(m.find()).as(rowId).isTrue();
        return m.group(1).replace("<wbr>", "");
    }
}
