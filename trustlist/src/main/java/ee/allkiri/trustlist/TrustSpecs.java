package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a command-line trust specification into a {@link TrustSource}: a directory of
 * certificates or a keystore file ({@code .p12}, {@code .pfx}, {@code .jks}; password from
 * {@code SPEC:password=...} is not supported on purpose: keystores of trust anchors need no
 * secret, an empty password is used).
 */
public final class TrustSpecs {

    private TrustSpecs() {
    }

    /**
     * @throws IllegalArgumentException when the specification names nothing usable
     */
    public static TrustSource parse(String spec) {
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return new CertificateFolderTrustSource(path);
        }
        String name = spec.toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                return new KeyStoreTrustSource(path, new char[0]);
            }
            if (CertificateFolderTrustSource.isCertificateFile(path)) {
                return new CertificateFileTrustSource(path);
            }
            throw new IllegalArgumentException("unsupported trust file (expected a certificate or a keystore): " + spec);
        }
        throw new IllegalArgumentException("no such trust source: " + spec);
    }
}
