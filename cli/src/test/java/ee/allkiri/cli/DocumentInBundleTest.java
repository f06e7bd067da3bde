package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.core.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --document-in-bundle NAME} and {@code --document-from-bundle} (issue #15): the
 * initiative document taken from the containers, by name or as their one data file, the same as
 * giving its SHA-256.
 */
class DocumentInBundleTest {

    @TempDir
    Path tmp;

    private static final String ONE = VerifyCommandTest.fixture("valid-asice-esteid2018.asice");
    private static final String TWO = VerifyCommandTest.fixture("2_signatures_duplicate_id.asice");

    private JsonNode audit(int expected, String... args) throws Exception {
        Path out = tmp.resolve("a-" + System.nanoTime() + ".json");
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("audit", "--format", "json", "--output",
                out.toString(), "--trust", VerifyCommandTest.trust(), "--accept-test-certificates"));
        all.addAll(java.util.List.of(args));
        assertThat(Main.run(all.toArray(String[]::new))).isEqualTo(expected);
        return expected == Main.ERROR ? null : ReportJson.reader().readTree(Files.readString(out));
    }

    @Test
    void byName() throws Exception {
        JsonNode report = audit(Main.OK, "--document-in-bundle", "test.txt", ONE, TWO);
        assertThat(report.get("policy").get("documentSha256").asText()).isEqualTo(AuditCommandTest.documentSha256());
        assertThat(report.get("summary").get("counted").asInt()).isEqualTo(1);
        assertThat(report.get("provenance").get("options").get("document").asText()).contains("test.txt");
    }

    @Test
    void theOneDataFile() throws Exception {
        JsonNode report = audit(Main.OK, "--document-from-bundle", ONE, TWO);
        assertThat(report.get("policy").get("documentSha256").asText()).isEqualTo(AuditCommandTest.documentSha256());
    }

    @Test
    void refusedWhenItIsNotOneDocument() throws Exception {
        String other = VerifyCommandTest.fixture("invalid-data-file.bdoc");
        audit(Main.ERROR, "--document-in-bundle", "test.txt", ONE, other);
        audit(Main.ERROR, "--document-from-bundle", ONE, other);
        audit(Main.ERROR, "--document-in-bundle", "initiative.html", ONE);
    }
}
