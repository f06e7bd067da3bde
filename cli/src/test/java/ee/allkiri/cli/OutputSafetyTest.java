package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output} (issue #15): a symbolic link, a pipe, a device, {@code >(cmd)} and hard links
 * are written through, not replaced; a regular file keeps its mode and a new one gets the umask's;
 * the location is checked before anything else is read; writing to a full standard output is an
 * error.
 */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    private static final String VALID = VerifyCommandTest.fixture("valid-bdoc-tm.bdoc");

    private int verifyTo(Path output) {
        return Main.run("verify", "--format", "json", "--trust", VerifyCommandTest.trust(), "--output", output.toString(), VALID);
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetGetsTheReport() throws Exception {
        Path target = Files.writeString(tmp.resolve("target.json"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), target.getFileName());
        assertThat(verifyTo(link)).isEqualTo(Main.OK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("\"schemaVersion\"");
    }

    @Test
    void hardLinksKeepSharingTheReport() throws Exception {
        Path file = Files.writeString(tmp.resolve("report.json"), "old");
        Path other = Files.createLink(tmp.resolve("other-name.json"), file);
        assertThat(verifyTo(file)).isEqualTo(Main.OK);
        assertThat(Files.readString(other)).contains("\"schemaVersion\"");
    }

    @Test
    void aPipeGetsTheReportAndStaysAPipe() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assertThat(new ProcessBuilder(tool("mkfifo"), fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(verifyTo(fifo)).isEqualTo(Main.OK);
        assertThat(reader.get(1, TimeUnit.MINUTES)).contains("\"schemaVersion\"");
        assertThat(fileType(fifo)).isEqualTo(0010000);
    }

    @Test
    void aDeviceIsWrittenInPlace() throws Exception {
        Path device;
        if (isRoot()) {
            device = tmp.resolve("null");
            assertThat(new ProcessBuilder(tool("mknod"), device.toString(), "c", "1", "3").start().waitFor()).isZero();
        } else {
            device = Path.of("/dev/null");
        }
        assertThat(verifyTo(device)).isEqualTo(Main.OK);
        assertThat(fileType(device)).as("still a character device").isEqualTo(0020000);
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        Path file = Files.writeString(tmp.resolve("published.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(verifyTo(file)).isEqualTo(Main.OK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).contains("\"schemaVersion\"");
    }

    @Test
    void aNewFileGetsTheUmasksMode() throws Exception {
        ChildCli.Run run = ChildCli.bash(tmp, "umask 027; $ALLKIRI verify --trust " + ChildCli.quote(VerifyCommandTest.trust())
                + " --output new.txt " + ChildCli.quote(VALID));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("new.txt")))).isEqualTo("rw-r-----");
    }

    @Test
    void processSubstitutionGetsTheReport() throws Exception {
        ChildCli.Run run = ChildCli.bash(tmp, "$ALLKIRI verify --format json --trust " + ChildCli.quote(VerifyCommandTest.trust())
                + " --output >(cat > substituted.json) " + ChildCli.quote(VALID) + "; status=$?; wait; exit $status");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Path out = tmp.resolve("substituted.json");
        for (int i = 0; i < 100 && !(Files.exists(out) && Files.readString(out).strip().endsWith("}")); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(out)).contains("\"schemaVersion\"");
    }

    @Test
    void anUnwritableOutputFailsBeforeTheTrustIsLoaded() throws Exception {
        String missingFolder = tmp.resolve("no-such-folder/report.json").toString();
        ChildCli.Run run = ChildCli.run(tmp, null, "verify", "--trust", tmp.resolve("no-such-trust").toString(),
                "--output", missingFolder, VALID);
        assertThat(run.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.stderr()).contains("--output " + missingFolder).doesNotContain("no-such-trust", ".tmp");

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        run = ChildCli.run(tmp, null, "verify", "--trust", VerifyCommandTest.trust(), "--output",
                file.resolve("report.json").toString(), VALID);
        assertThat(run.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run.stderr()).contains("--output " + file.resolve("report.json")).doesNotContain(".tmp");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("allkiri"));
        }
    }

    @Test
    void aFullStandardOutputIsAnErrorWithOneLine() throws Exception {
        assertThat(Path.of("/dev/full")).as("this test needs /dev/full").exists();
        ChildCli.Run run = ChildCli.bash(tmp, "$ALLKIRI verify --trust " + ChildCli.quote(VerifyCommandTest.trust()) + " "
                + ChildCli.quote(VALID) + " > /dev/full");
        assertThat(run.exitCode()).isEqualTo(Main.ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.stderr()).contains("standard output");
    }

    static int fileType(Path path) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
    }

    static boolean isRoot() throws Exception {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /** A command-line tool the test needs: its path, or a failure naming it. */
    static String tool(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("this test needs '" + name + "' (coreutils / util-linux)");
    }
}
