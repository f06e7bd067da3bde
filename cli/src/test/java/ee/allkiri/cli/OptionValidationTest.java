package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.core.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option values (issue #15): nonsense is refused with a message naming the option (never an
 * internal field), spellings people use are accepted, and an audit without a window warns.
 */
class OptionValidationTest {

    @TempDir
    Path tmp;

    private static final String VALID = VerifyCommandTest.fixture("valid-asice-esteid2018.asice");

    private int audit(String... extra) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("audit", "--format", "json", "--output",
                tmp.resolve("a.json").toString(), "--trust", VerifyCommandTest.trust(), "--document-sha256",
                AuditCommandTest.documentSha256(), "--accept-test-certificates"));
        args.addAll(java.util.List.of(extra));
        args.add(VALID);
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void requiringQualifiedSignaturesNeedsTrustedLists() throws Exception {
        assertThat(audit("--require-qualified")).as("a trust folder says nothing about qualification").isEqualTo(Main.ERROR);
        assertThat(Files.exists(tmp.resolve("a.json"))).isFalse();
    }

    @Test
    void aCountryIsATwoLetterCode() throws Exception {
        assertThat(audit("--countries", "est")).isEqualTo(Main.ERROR);
        assertThat(audit("--countries", "XX")).isEqualTo(Main.ERROR);
        assertThat(audit("--countries", "ee,lv")).isEqualTo(Main.OK);
    }

    @Test
    void theMinimumAgeIsAnAge() throws Exception {
        assertThat(audit("--min-age", "200")).isEqualTo(Main.ERROR);
        assertThat(audit("--min-age", "-1")).isEqualTo(Main.ERROR);
        assertThat(audit("--min-age", "18")).isEqualTo(Main.OK);
    }

    @Test
    void formatsAndTokenTypesInAnyCase() throws Exception {
        Path out = tmp.resolve("r.json");
        assertThat(Main.run("verify", "--format", "JSON", "--output", out.toString(), "--trust", VerifyCommandTest.trust(),
                VALID)).isEqualTo(Main.OK);
        assertThat(ReportJson.reader().readTree(Files.readString(out)).get("schemaVersion").asText()).isEqualTo("1");
        assertThat(audit("--token-types", "id_card,mobile_id")).isEqualTo(Main.OK);
    }

    @Test
    void atTakesADateAsTheStartOfThatDayInTallinn() throws Exception {
        Path out = tmp.resolve("at.json");
        assertThat(Main.run("verify", "--format", "json", "--at", "2025-01-01", "--output", out.toString(), "--trust",
                VerifyCommandTest.trust(), VALID)).isEqualTo(Main.OK);
        JsonNode provenance = ReportJson.reader().readTree(Files.readString(out)).get("provenance");
        assertThat(provenance.get("validationTime").asText()).isEqualTo("2024-12-31T22:00:00Z");
        assertThat(Main.run("verify", "--at", "yesterday", "--trust", VerifyCommandTest.trust(), VALID)).isEqualTo(Main.ERROR);
    }

    @Test
    void aBadDocumentDigestNamesTheOption() throws Exception {
        ChildCli.Run run = ChildCli.run(tmp, null, "audit", "--trust", VerifyCommandTest.trust(), "--document-sha256", "xyz", VALID);
        assertThat(run.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run.stderr()).contains("--document-sha256").doesNotContain("documentSha256");
    }

    @Test
    void anAuditWithoutAWindowWarns() throws Exception {
        ChildCli.Run run = ChildCli.run(tmp, null, "audit", "--trust", VerifyCommandTest.trust(), "--document-sha256",
                AuditCommandTest.documentSha256(), "--accept-test-certificates", "--output", "a.txt", VALID);
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Main.OK);
        assertThat(run.stderr()).contains("warning").contains("--from").contains("--until");

        ChildCli.Run windowed = ChildCli.run(tmp, null, "audit", "--trust", VerifyCommandTest.trust(), "--document-sha256",
                AuditCommandTest.documentSha256(), "--accept-test-certificates", "--from", "2024-09-01", "--until",
                "2024-09-30", "--output", "b.txt", VALID);
        assertThat(windowed.stderr()).doesNotContain("warning");
    }

    @Test
    void aMaskIsOneOfThree() {
        assertThat(Main.run("verify", "--mask-personal-codes=birthday", "--trust", VerifyCommandTest.trust(), VALID))
                .isEqualTo(Main.ERROR);
    }
}
