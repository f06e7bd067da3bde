package ee.allkiri.examples;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Paths the build hands to the tests, and small helpers on real containers. */
public final class Shared {

    private Shared() {
    }

    /** The project's root folder ({@code allkiri.root}, set by the build). */
    public static Path root() {
        return Path.of(property("allkiri.root")).normalize();
    }

    /** A real container from the repository's {@code fixtures/containers} ({@code allkiri.fixtures}, set by the build). */
    public static Path fixture(String name) {
        return Path.of(property("allkiri.fixtures"), "containers", name);
    }

    /** The trust anchors of the fixtures. */
    public static Path fixtureTrust() {
        return Path.of(property("allkiri.fixtures"), "trust");
    }

    /** A system property the build sets. */
    public static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (the examples pom sets it)");
        }
        return value;
    }

    /** The content of the container's one data file: what its signer signed. */
    public static byte[] signedDocument(Path container) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(container)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().equals("mimetype") && !e.getName().startsWith("META-INF/")) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("no data file in " + container);
    }
}
