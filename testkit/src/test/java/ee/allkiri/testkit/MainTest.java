package ee.allkiri.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.forge.Variant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true), new PrintStream(err, true), args);
    }

    @Test
    @DisplayName("bundle writes the container, answer key, trust and description, and exits 0")
    void bundle(@TempDir Path dir) {
        assertThat(run("bundle", "--signers", "5", "--seed", "2", "--out", dir.resolve("b.asice").toString())).isZero();
        assertThat(dir.resolve("b.asice")).exists();
        assertThat(dir.resolve("b.answer-key.csv")).exists();
        assertThat(dir.resolve("b.bundle.properties")).exists();
        assertThat(dir.resolve("b.trust")).isDirectory();
    }

    @Test
    @DisplayName("variants writes one container per catalogue entry with expected.csv")
    void variants(@TempDir Path dir) throws Exception {
        assertThat(run("variants", "--out", dir.toString())).isZero();
        assertThat(Files.readAllLines(dir.resolve("expected.csv"))).hasSize(Variant.values().length + 1);
        for (Variant v : Variant.values()) {
            assertThat(dir.resolve(v.fileName())).exists();
        }
    }

    @Test
    @DisplayName("a missing option, an unknown command or a bad number exits 2")
    void usageErrors() {
        assertThat(run("bundle", "--seed", "1")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("bundle", "--signers", "many", "--out", "x.asice")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    @DisplayName("--help prints the usage on standard output and exits 0 (issue #15)")
    void help() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).startsWith("usage: java -jar allkiri-testkit.jar bundle");
        assertThat(err.toString()).isEmpty();
    }
}
