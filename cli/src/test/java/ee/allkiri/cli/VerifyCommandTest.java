package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.asic.Fixtures;
import ee.allkiri.core.ReportJson;
import ee.allkiri.core.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path tmp;

    /** The instant the fixture verdicts are taken at ({@code --at}), not the system clock. */
    static final String AT = Fixtures.AT.toString();

    static Path containers() {
        return Fixtures.dir().resolve("containers");
    }

    static String trust() {
        return Fixtures.trust().toString();
    }

    static String fixture(String name) {
        return Fixtures.container(name).toString();
    }

    @Test
    void aValidContainerExitsZeroAndTheJsonFollowsTheContract() throws Exception {
        Path out = tmp.resolve("report.json");
        int code = Main.run("verify", "--format", "json", "--output", out.toString(), "--at", AT, "--trust", trust(),
                fixture("valid-asice-esteid2018.asice"));
        assertThat(code).isEqualTo(Main.OK);

        JsonNode root = ReportJson.reader().readTree(Files.readString(out));
        assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
        JsonNode container = root.get("containers").get(0);
        assertThat(fieldNames(container)).contains("path", "valid", "indication", "findings", "signatures");
        JsonNode signature = container.get("signatures").get(0);
        assertThat(fieldNames(signature)).contains("file", "id", "valid", "indication", "subIndication", "profile",
                "level", "signer", "claimedSigningTime", "bestSignatureTime", "timestampTime", "ocspProducedAt", "findings");
        assertThat(fieldNames(signature.get("signer"))).contains("commonName", "givenName", "surname", "country",
                "personalCode", "tokenType", "test");
        assertThat(fieldNames(root.get("summary"))).contains("containers", "signatures", "valid", "invalid", "indeterminate");

        VerificationReport parsed = ReportJson.read(Files.readString(out));
        assertThat(parsed.containers()).hasSize(1);
        assertThat(parsed.containers().get(0).valid()).isTrue();
        assertThat(parsed.containers().get(0).signatures().get(0).signer().personalCode()).isEqualTo("38001085718");
        assertThat(parsed.summary().valid()).isEqualTo(1);
    }

    @Test
    void anInvalidContainerExitsOne() {
        assertThat(Main.run("verify", "--format", "json", "--output", tmp.resolve("r.json").toString(),
                "--at", AT, "--trust", trust(), fixture("invalid-data-file.bdoc"))).isEqualTo(Main.FAILED);
    }

    @Test
    void everyFixtureGetsAVerdictAndNoneIsAnError() throws Exception {
        Path out = tmp.resolve("all.json");
        int code = Main.run("verify", "--format", "json", "--output", out.toString(), "--at", AT, "--trust", trust(),
                containers().toString());
        assertThat(code).isEqualTo(Main.FAILED);
        VerificationReport report = ReportJson.read(Files.readString(out));
        assertThat(report.containers()).hasSize(84);
    }

    @Test
    void textIsTheDefaultFormat() throws Exception {
        Path out = tmp.resolve("r.txt");
        Main.run("verify", "--output", out.toString(), "--at", AT, "--trust", trust(), fixture("valid-bdoc-tm.bdoc"));
        assertThat(Files.readString(out)).contains("VALID (TOTAL_PASSED)", "LT_TM", "1 container(s), 1 signature(s): 1 valid");
    }

    @Test
    void usageAndIoErrorsExitTwo() {
        assertThat(Main.run("verify", "--trust", tmp.resolve("no-such-trust").toString(), fixture("valid-bdoc-tm.bdoc")))
                .isEqualTo(Main.ERROR);
        assertThat(Main.run("verify", "--format", "yaml", "--trust", trust(), fixture("valid-bdoc-tm.bdoc"))).isEqualTo(Main.ERROR);
        assertThat(Main.run("verify", "--at", "yesterday", "--trust", trust(), fixture("valid-bdoc-tm.bdoc"))).isEqualTo(Main.ERROR);
        assertThat(Main.run("verify", "--trust", trust())).isEqualTo(Main.ERROR);
        assertThat(Main.run("no-such-command")).isEqualTo(Main.ERROR);
    }

    @Test
    void aDirectoryIsSearchedForContainersOnly() throws Exception {
        Files.copy(Path.of(fixture("valid-bdoc-tm.bdoc")), tmp.resolve("a.bdoc"));
        Files.writeString(tmp.resolve("notes.txt"), "not a container");
        Path out = tmp.resolve("out.json");
        assertThat(Main.run("verify", "--format", "json", "--output", out.toString(), "--at", AT, "--trust", trust(), tmp.toString()))
                .isEqualTo(Main.OK);
        assertThat(ReportJson.read(Files.readString(out)).containers()).hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void strictnessOptionsReachTheVerifier() throws Exception {
        String compressedMimetype = fixture("bdoc-with-tm-and-ts-signature.bdoc");
        assertThat(Main.run("verify", "--output", tmp.resolve("a.txt").toString(), "--at", AT, "--trust", trust(), compressedMimetype))
                .isEqualTo(Main.OK);
        assertThat(Main.run("verify", "--strict-mimetype", "--output", tmp.resolve("b.txt").toString(), "--at", AT, "--trust", trust(),
                compressedMimetype)).isEqualTo(Main.FAILED);
        String nonDer = fixture("InvestorToomas.bdoc");
        assertThat(Main.run("verify", "--reject-non-der-certificates", "--output", tmp.resolve("c.txt").toString(),
                "--at", AT, "--trust", trust(), nonDer)).isEqualTo(Main.FAILED);
        assertThat(Main.run("verify", "--full-validation", "--output", tmp.resolve("d.txt").toString(), "--at", AT, "--trust", trust(),
                nonDer)).isEqualTo(Main.OK);
    }
}
