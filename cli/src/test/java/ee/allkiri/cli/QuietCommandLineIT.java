package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar, as a user runs it ({@code java -jar allkiri.jar verify ...} in a child
 * process), writes no logging to standard error: no SLF4J warning (it carries slf4j-simple as
 * its binding) and no DSS or Santuario log line (the binding's level is off). A control run with
 * the level raised shows that the check recognizes log lines and that the level is the knob.
 * Runs after package, in {@code mvn verify}.
 */
class QuietCommandLineIT {

    /** slf4j-simple's line: {@code [thread] LEVEL logger - message}. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN|ERROR) \\S+ - ");

    record Run(int exitCode, String out, List<String> err) {
    }

    static Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("allkiri.cliJar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Run(process.exitValue(), out, err.join().lines().toList());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sample() {
        return System.getProperty("allkiri.sample");
    }

    static List<String> logging(Run run) {
        return run.err().stream().filter(line -> line.contains("SLF4J") || LOG_LINE.matcher(line).find()
                || line.contains("eu.europa.esig") || line.contains("org.apache.xml.security")).toList();
    }

    @Test
    @DisplayName("a plain verify prints the report and not one SLF4J or DSS line on standard error")
    void plainVerifyLogsNothing() throws Exception {
        Run run = run(List.of(), "verify", sample());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("TOTAL_PASSED");
        assertThat(logging(run)).as(run.toString()).isEmpty();
    }

    @Test
    @DisplayName("so does a verify through DSS's full validation")
    void fullValidationLogsNothing() throws Exception {
        Run run = run(List.of(), "verify", "--full-validation", sample());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(logging(run)).as(run.toString()).isEmpty();
    }

    @Test
    @DisplayName("control: with the level raised to info, DSS's log lines appear, and the check sees them")
    void raisedLevelShowsDssLogging() throws Exception {
        Run run = run(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"), "verify", sample());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(logging(run)).as(run.toString())
                .anyMatch(line -> LOG_LINE.matcher(line).find() && line.contains("eu.europa.esig.dss"));
    }
}
