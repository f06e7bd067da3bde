package ee.allkiri.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * allkiri's version, as Maven built it: for {@code --version} and for every report's provenance
 * ({@link ee.allkiri.core.Provenance#allkiriVersion()}).
 *
 * @since 0.1.0
 */
public final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String number() {
        return VERSION;
    }

    /** {@code --version}: picocli's view of the version (not API). */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"allkiri " + VERSION};
        }
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from the jar");
            }
            Properties p = new Properties();
            p.load(in);
            String value = p.getProperty("version");
            if (value == null || value.isBlank() || value.startsWith("${")) {
                throw new IllegalStateException("version.properties was not filled in by the build");
            }
            return value.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
