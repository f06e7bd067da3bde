package ee.allkiri.trustlist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** Paths into the repository's {@code fixtures/} folder ({@code allkiri.fixtures}, set by the build). */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixtures folder: {@code containers/}, {@code trust/}, {@code MANIFEST.csv}. */
    public static Path dir() {
        String dir = System.getProperty("allkiri.fixtures");
        if (dir == null) {
            throw new IllegalStateException("system property allkiri.fixtures is not set (the build sets it to the"
                    + " repository's fixtures/ folder)");
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("allkiri.fixtures names no folder: " + path.toAbsolutePath());
        }
        return path;
    }

    public static Path testTl() {
        return dir().resolve("trust/tl/open-eid-test-TL");
    }

    public static Path prodTl() {
        return dir().resolve("trust/tl/ee-prod-snapshot/ee-tsl-seq65-2024-06-12.xml");
    }

    public static List<X509Certificate> certificates(Path file) throws IOException {
        return Certificates.read(file);
    }
}
