package ee.allkiri.trustlist;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** Paths into the shared fixtures ({@code allkiri.shared}, set by the build). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path shared() {
        String shared = System.getProperty("allkiri.shared");
        if (shared == null) {
            throw new IllegalStateException("the build sets allkiri.shared to the shared folder");
        }
        return Path.of(shared);
    }

    public static Path testTl() {
        return shared().resolve("fixtures/trust/tl/open-eid-test-TL");
    }

    public static Path prodTl() {
        return shared().resolve("fixtures/trust/tl/ee-prod-snapshot/ee-tsl-seq65-2024-06-12.xml");
    }

    public static List<X509Certificate> certificates(Path file) throws IOException {
        return Certificates.read(file);
    }
}
