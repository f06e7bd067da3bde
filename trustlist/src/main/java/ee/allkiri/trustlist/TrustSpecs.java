package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * Turns a command-line trust specification into a {@link TrustSource}:
 * <ul>
 *   <li>{@code ee-test}, {@code ee-prod}: an {@link EmbeddedSnapshots embedded snapshot};</li>
 *   <li>a directory with a {@value SnapshotManifest#FILE_NAME}: a {@link SnapshotTrustSource snapshot};</li>
 *   <li>any other directory: a {@link CertificateFolderTrustSource folder of certificates};</li>
 *   <li>a {@code .xml} file: a {@link TrustListFileSource trusted list or list of lists}, which
 *       needs the pinned list signers;</li>
 *   <li>a {@code .p12}, {@code .pfx} or {@code .jks} file: a {@link KeyStoreTrustSource keystore}
 *       (opened with an empty password: keystores of trust anchors need no secret);</li>
 *   <li>a {@code .pem}, {@code .crt}, {@code .cer} or {@code .der} file: the certificates in it.</li>
 * </ul>
 * A path that exists wins over an embedded snapshot's name. Stateless.
 *
 * @since 0.1.0
 */
public final class TrustSpecs {

    private TrustSpecs() {
    }

    /**
     * Parses a specification that names no trusted list XML file.
     *
     * @throws IllegalArgumentException when the specification names nothing usable
     */
    public static TrustSource parse(String spec) {
        return parse(spec, List.of());
    }

    /**
     * @param listSigners the certificates a trusted list XML file must be signed with
     * @throws IllegalArgumentException when the specification names nothing usable, or names
     *                                  an XML list while no signer is given
     */
    public static TrustSource parse(String spec, List<X509Certificate> listSigners) {
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(SnapshotManifest.FILE_NAME))) {
                return SnapshotTrustSource.directory(path);
            }
            return new CertificateFolderTrustSource(path);
        }
        String name = spec.toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (name.endsWith(".xml")) {
                if (listSigners.isEmpty()) {
                    throw new IllegalArgumentException("the trusted list " + spec
                            + " needs its signer pinned: give the signer's certificate with --list-signer PEM");
                }
                return new TrustListFileSource(path, listSigners);
            }
            if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                return new KeyStoreTrustSource(path, new char[0]);
            }
            if (CertificateFolderTrustSource.isCertificateFile(path)) {
                return new CertificateFileTrustSource(path);
            }
            throw new IllegalArgumentException("unsupported trust file (expected a certificate, a keystore or a trusted list): "
                    + spec);
        }
        if (EmbeddedSnapshots.names().contains(spec)) {
            return EmbeddedSnapshots.source(spec);
        }
        throw new IllegalArgumentException("no such trust source: " + spec + " (embedded snapshots: "
                + EmbeddedSnapshots.names() + ")");
    }

    /** Reads the certificates in a PEM or DER file, e.g. pinned list signers. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return Certificates.read(file);
    }
}
