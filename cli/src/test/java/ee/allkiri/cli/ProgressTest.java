package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress counts signatures on a terminal's standard error, and stays silent anywhere else. */
class ProgressTest {

    @TempDir
    Path tmp;

    @Test
    void theFinalLineCountsEverySignatureAndContainer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2);
        progress.containerOpened("a.asice", 3);
        for (int i = 0; i < 3; i++) {
            progress.signatureVerified("a.asice", null);
        }
        progress.containerDone();
        progress.containerOpened("b.asice", 1);
        progress.signatureVerified("b.asice", null);
        progress.containerDone();
        progress.finish();

        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] updates = out.split("\r");
        assertThat(updates[updates.length - 1]).isEqualTo("verified 4/4 signatures in 2/2 containers" + System.lineSeparator());
    }

    @Test
    void silentWithoutATerminal() {
        Progress progress = new Progress(null, 1);
        progress.containerOpened("a.asice", 1);
        progress.signatureVerified("a.asice", null);
        progress.containerDone();
        progress.finish(); // nothing to write to; must not fail
        assertThat(Progress.stderrIsTerminal()).as("surefire's standard error is a pipe or a file").isFalse();
    }

    @Test
    void aPipedStandardErrorGetsNoProgress() throws Exception {
        Run run = cli(false);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(Main.OK);
        assertThat(run.output()).doesNotContain("verified");
    }

    @Test
    void aTerminalGetsProgressOnStandardError() throws Exception {
        Run run = cli(true);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(Main.OK);
        assertThat(run.output()).contains("verified 1/1 signatures in 1/1 containers");
    }

    record Run(int exitCode, String output) {
    }

    /** Runs {@code verify} in a child JVM, under a pseudo-terminal ({@code script}) when asked. */
    private Run cli(boolean terminal) throws Exception {
        Path report = tmp.resolve("report-" + terminal + ".txt");
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "verify", "--trust",
                VerifyCommandTest.trust(), "--output", report.toString(),
                VerifyCommandTest.fixture("valid-asice-esteid2018.asice"));
        List<String> command = new ArrayList<>();
        if (terminal) {
            command.addAll(List.of("script", "-qec", String.join(" ", java.stream().map(ProgressTest::quote).toList()),
                    "/dev/null"));
        } else {
            command.addAll(java);
        }
        Path output = tmp.resolve("output-" + terminal + ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(report)).contains("VALID");
        return new Run(process.exitValue(), Files.readString(output));
    }

    private static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
