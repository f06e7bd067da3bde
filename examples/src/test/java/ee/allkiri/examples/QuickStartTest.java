package ee.allkiri.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's embedding example is the QuickStart source, and it runs on the sample. */
class QuickStartTest {

    static final Path SOURCE = Shared.root().resolve("examples/src/main/java/ee/allkiri/examples/QuickStart.java");

    @Test
    void theReadmeShowsTheQuickStartSourceVerbatim() throws Exception {
        assertThat(Readme.embeddingExample()).isEqualTo(Files.readString(SOURCE, StandardCharsets.UTF_8));
    }

    @Test
    void quickStartPrintsTheSampleVerdictAndTheStaleListWarning() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                QuickStart.class.getName(), Shared.root().resolve("samples/valid-ee-id-card.bdoc").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue(); // a hang guard: a few seconds on a loaded machine
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(": valid TOTAL_PASSED", "META-INF/signatures0.xml TOTAL_PASSED by ", "ID_CARD",
                "WARNING TRUST_LIST_STALE");
    }

    @Test
    void quickStartAnswersHelp() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                QuickStart.class.getName(), "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("usage: QuickStart CONTAINER");
    }
}
