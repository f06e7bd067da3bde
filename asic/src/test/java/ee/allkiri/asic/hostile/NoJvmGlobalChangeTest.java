package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Building verifiers and verifying every forged variant changes no JVM-wide setting except the
 * two that DSS itself makes when its classes initialize, which allkiri cannot prevent while it
 * validates through DSS (see docs/hostile-input.md): DSS's {@code DSSSecurityProvider.initSystemProviders()}
 * appends its Bouncy Castle provider to the JVM's provider list (last, so it never displaces a
 * provider the application chose, and only when no provider named "BC" is installed), and its
 * {@code XAdESSignature} sets Santuario's JCE provider id to "BC". Measured in a fresh JVM, so
 * nothing loaded by other tests hides a change. allkiri's own code is held to never calling such
 * APIs by the ArchUnit rule in the cli module.
 */
class NoJvmGlobalChangeTest {

    /** What DSS changes, and nothing else. */
    private static final List<String> DSS_CHANGES = List.of("provider+ BC", "default Santuario JCEMapper.providerId: null -> BC");

    @Test
    @DisplayName("verifying containers changes no JVM-wide setting but the two DSS makes")
    void onlyDssChangesTheJvm() throws IOException, InterruptedException {
        List<String> changes = probe();

        List<String> normalized = changes.stream().map(c -> c.replaceAll(" at \\d+ of \\d+$", "")).toList();
        assertThat(normalized).containsExactlyInAnyOrderElementsOf(DSS_CHANGES);
        assertThat(changes).filteredOn(c -> c.startsWith("provider+ BC"))
                .singleElement().satisfies(c -> assertThat(c).matches("provider\\+ BC at (\\d+) of \\1"));
    }

    private static List<String> probe() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", JvmStateProbe.class.getName());
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        int begin = lines.indexOf("BEGIN");
        int end = lines.indexOf("END");
        assertThat(begin).as(output).isNotNegative();
        return new ArrayList<>(lines.subList(begin + 1, end));
    }
}
