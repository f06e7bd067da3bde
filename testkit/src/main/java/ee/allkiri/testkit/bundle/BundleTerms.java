package ee.allkiri.testkit.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * The audit parameters of a forged bundle, as written in its {@code .bundle.properties}.
 *
 * @param windowFrom  the collection window's start
 * @param windowUntil the deadline
 * @param minAge      the minimum age
 * @since 0.1.0
 */
public record BundleTerms(Instant windowFrom, Instant windowUntil, int minAge) {

    /** The terms of a spec (with probes, the window is made of whole Tallinn days). */
    public static BundleTerms of(BundleSpec spec) {
        return new BundleTerms(spec.windowFrom(), spec.windowUntil(), spec.minAge());
    }

    /** Reads a {@code .bundle.properties} file. */
    public static BundleTerms read(Path properties) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            p.load(in);
        }
        try {
            return new BundleTerms(Instant.parse(p.getProperty("window_from")), Instant.parse(p.getProperty("window_until")),
                    Integer.parseInt(p.getProperty("min_age")));
        } catch (RuntimeException e) {
            throw new IOException("not a bundle description: " + properties, e);
        }
    }

    public boolean inWindow(Instant at) {
        return !at.isBefore(windowFrom) && !at.isAfter(windowUntil);
    }
}
