package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fixtures/PROVENANCE.csv names every file of the fixtures folder (its source project, commit,
 * path there and licence), and the bytes of every file taken from elsewhere are the bytes it
 * names by SHA-256.
 */
class FixtureProvenanceTest {

    record Source(String project, String commit, String path, String licence, String sha256) {
        boolean ours() {
            return project.equals("allkiri");
        }
    }

    static final Map<String, Source> PROVENANCE = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.dir().resolve("PROVENANCE.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("file,source_project,source_commit,source_path,licence,sha256,note");
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Fixtures.csv(line);
            assertThat(c).as(line).hasSize(7);
            assertThat(PROVENANCE.put(c.get(0), new Source(c.get(1), c.get(2), c.get(3), c.get(4), c.get(5)))).as(line).isNull();
        }
    }

    @Test
    void everyFileHasARowAndEveryRowAFile() throws IOException {
        Path dir = Fixtures.dir();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> files = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("PROVENANCE.csv")).sorted().toList();
            assertThat(PROVENANCE.keySet()).containsExactlyInAnyOrderElementsOf(files);
        }
    }

    @Test
    void everyFileFromElsewhereNamesItsSourceAndLicenceAndHasTheBytesItNames() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, Source> e : PROVENANCE.entrySet()) {
            Source s = e.getValue();
            assertThat(s.licence()).as(e.getKey()).isNotBlank();
            if (s.ours()) {
                continue;
            }
            assertThat(s.path()).as(e.getKey()).isNotBlank();
            assertThat(s.sha256()).as(e.getKey())
                    .isEqualTo(HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(Fixtures.dir().resolve(e.getKey())))));
            if (!s.project().equals("Free Software Foundation")) {
                assertThat(s.commit()).as(e.getKey()).matches("[0-9a-f]{7,40}");
                assertThat(s.licence()).as(e.getKey()).containsAnyOf("LGPL-2.1", "GPL-3.0", "trusted list");
            }
        }
    }

    @Test
    void everyContainerOfTheManifestHasTheSourceItsManifestRowNames() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.dir().resolve("MANIFEST.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Fixtures.csv(line);
            Source s = PROVENANCE.get(c.get(0));
            assertThat(s).as(c.get(0)).isNotNull();
            assertThat(s.project() + "@" + s.commit()).isEqualTo(c.get(1));
            assertThat(s.path()).isEqualTo(c.get(2));
        }
        assertThat(lines).hasSize(85);
    }
}
