package ee.allkiri.asic.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a fuzz test's seed corpus where Jazzer looks for it: the directory
 * {@code <TestClass>Inputs/<method>} beside the test class in the test class path (under
 * {@code target/test-classes}, never the source tree). Called from {@code @BeforeAll}, before
 * Jazzer lists the inputs, so the seeds are made from the fixtures and the forge at test time
 * rather than checked in; only reproducers of findings are checked in, under
 * {@code src/test/resources}.
 */
public final class SeedCorpus {

    private SeedCorpus() {
    }

    /** Writes the seeds (file name to content) for one fuzz test method; returns the directory. */
    public static Path write(Class<?> test, String method, Map<String, byte[]> seeds) {
        try {
            Path classes = Path.of(test.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = classes.resolve(test.getPackageName().replace('.', '/')).resolve(test.getSimpleName() + "Inputs")
                    .resolve(method);
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
                Files.write(dir.resolve(seed.getKey().replaceAll("[^A-Za-z0-9._-]", "_")), seed.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
