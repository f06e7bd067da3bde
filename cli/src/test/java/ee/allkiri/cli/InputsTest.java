package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.core.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs (issue #15): an input that cannot be read is said why, the others are verified, and it
 * is in the report as not verified (exit 1); files in folders that are not containers are
 * reported with the reason; DDOC and ASiC-S are recognised by their content; an empty input says
 * "no containers found" and does not pass.
 */
class InputsTest {

    @TempDir
    Path tmp;

    private static final String VALID = VerifyCommandTest.fixture("valid-bdoc-tm.bdoc");

    private JsonNode verify(int expectedExit, String... paths) throws Exception {
        Path out = tmp.resolve("report-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("verify", "--format", "json", "--trust", VerifyCommandTest.trust(),
                "--output", out.toString()));
        args.addAll(List.of(paths));
        assertThat(Main.run(args.toArray(String[]::new))).isEqualTo(expectedExit);
        return ReportJson.reader().readTree(Files.readString(out));
    }

    private static JsonNode container(JsonNode report, String path) {
        for (JsonNode c : report.get("containers")) {
            if (c.get("path").asText().equals(path)) {
                return c;
            }
        }
        throw new AssertionError("no container " + path + " in " + report);
    }

    private static JsonNode input(JsonNode report, String path) {
        for (JsonNode i : report.get("provenance").get("inputs")) {
            if (i.get("path").asText().equals(path)) {
                return i;
            }
        }
        throw new AssertionError("no input " + path);
    }

    @Test
    void aMissingFileIsReportedAndTheOthersAreVerified() throws Exception {
        String missing = tmp.resolve("missing.bdoc").toString();
        JsonNode report = verify(Main.FAILED, missing, VALID);
        assertThat(container(report, VALID).get("valid").asBoolean()).isTrue();
        assertThat(container(report, missing).get("findings").get(0).get("code").asText()).isEqualTo("FILE_UNREADABLE");
        assertThat(input(report, missing).get("unreadable").asText()).isEqualTo("NOT_FOUND");
        assertThat(input(report, missing).get("sha256").isNull()).isTrue();
    }

    @Test
    void aDanglingLinkInAFolderIsReportedNotSkippedSilently() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("bundle"));
        Files.copy(Path.of(VALID), folder.resolve("a.bdoc"));
        Files.createSymbolicLink(folder.resolve("b.asice"), tmp.resolve("gone.asice"));
        JsonNode report = verify(Main.FAILED, folder.toString());
        assertThat(report.get("containers")).hasSize(2);
        assertThat(input(report, folder.resolve("b.asice").toString()).get("unreadable").asText()).isEqualTo("NOT_FOUND");
    }

    /** An unreadable subfolder no longer stops the batch; run without the capability that lets root read anything. */
    @Test
    void anUnreadableSubfolderDoesNotStopTheBatch() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("bundle"));
        Files.copy(Path.of(VALID), folder.resolve("a.bdoc"));
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Files.copy(Path.of(VALID), locked.resolve("b.bdoc"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Path out = tmp.resolve("out.json");
            List<String> command = new ArrayList<>();
            if (OutputSafetyTest.isRoot()) {
                command.addAll(List.of(OutputSafetyTest.tool("setpriv"), "--bounding-set=-dac_read_search,-dac_override"));
            }
            command.addAll(ChildCli.java("verify", "--format", "json", "--trust", VerifyCommandTest.trust(), "--output",
                    out.toString(), folder.toString()));
            ChildCli.Run run = ChildCli.start(tmp, command, null);
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Main.FAILED);
            assertThat(run.stderr()).contains(locked.toString()).contains("permission denied");
            JsonNode report = ReportJson.reader().readTree(Files.readString(out));
            assertThat(container(report, folder.resolve("a.bdoc").toString()).get("valid").asBoolean()).isTrue();
            assertThat(input(report, locked.toString()).get("unreadable").asText()).isEqualTo("PERMISSION_DENIED");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void filesThatAreNotContainersAreReportedWithTheReason() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("mixed"));
        Files.copy(Path.of(VALID), folder.resolve("a.bdoc"));
        Files.writeString(folder.resolve("scan.pdf"), "%PDF-1.7\n");
        Files.writeString(folder.resolve("notes.txt"), "not a container");
        Files.write(folder.resolve("photos.zip"), ExtractCommandTest.zip("photo.jpg", "jpeg"));
        Files.writeString(folder.resolve("old.ddoc"), "<?xml version=\"1.0\"?>\n<SignedDoc format=\"DIGIDOC-XML\" version=\"1.3\"/>");
        Files.write(folder.resolve("single.asics"), ExtractCommandTest.zip("mimetype", "application/vnd.etsi.asic-s+zip"));
        Files.write(folder.resolve("renamed.zip"), Files.readAllBytes(Path.of(VerifyCommandTest.fixture("valid-asice-esteid2018.asice"))));

        JsonNode report = verify(Main.FAILED, folder.toString());
        List<String> skipped = new ArrayList<>();
        report.get("provenance").get("skipped").forEach(s -> skipped.add(s.get("name").asText() + " " + s.get("reason").asText()));
        assertThat(skipped).containsExactly("notes.txt NOT_A_CONTAINER", "photos.zip ZIP_NOT_ASIC", "scan.pdf PDF");
        assertThat(container(report, folder.resolve("old.ddoc").toString()).get("findings").get(0).get("code").asText())
                .isEqualTo("CONTAINER_UNSUPPORTED");
        assertThat(container(report, folder.resolve("single.asics").toString()).get("findings").get(0).get("code").asText())
                .isEqualTo("CONTAINER_UNSUPPORTED");
        assertThat(container(report, folder.resolve("renamed.zip").toString()).get("signatures")).hasSize(1);
        assertThat(container(report, folder.resolve("a.bdoc").toString()).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDdocNamedOnTheCommandLineIsNamedAsSuch() throws Exception {
        Path ddoc = Files.writeString(tmp.resolve("old.bdoc"), "<SignedDoc format=\"DIGIDOC-XML\" version=\"1.3\">");
        JsonNode report = verify(Main.FAILED, ddoc.toString());
        assertThat(container(report, ddoc.toString()).get("findings").get(0).get("code").asText())
                .isEqualTo("CONTAINER_UNSUPPORTED");
    }

    @Test
    void noContainersFoundIsSaidAndDoesNotPass() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "nothing here");
        ChildCli.Run verify = ChildCli.run(tmp, null, "verify", "--trust", VerifyCommandTest.trust(), empty.toString());
        assertThat(verify.exitCode()).isEqualTo(Main.FAILED);
        assertThat(verify.stderr()).contains("no containers found").contains("readme.txt");

        Path out = tmp.resolve("audit.json");
        int audit = Main.run("audit", "--format", "json", "--output", out.toString(), "--trust", VerifyCommandTest.trust(),
                "--document-sha256", "a".repeat(64), empty.toString());
        assertThat(audit).as("an audit of nothing is not a pass").isEqualTo(Main.FAILED);
    }

    @Test
    void standardInputIsAContainer() throws Exception {
        ChildCli.Run run = ChildCli.run(tmp, Path.of(VALID), "verify", "--format", "json", "--trust", VerifyCommandTest.trust(), "-");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Main.OK);
        JsonNode report = ReportJson.reader().readTree(run.stdout());
        assertThat(container(report, "-").get("valid").asBoolean()).isTrue();
        assertThat(input(report, "-").get("size").asLong()).isEqualTo(Files.size(Path.of(VALID)));
    }
}
