package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Trust anchors from a folder of certificates, searched recursively. Files ending in
 * {@code .pem}, {@code .crt}, {@code .cer} or {@code .der} are read (PEM or DER, several
 * certificates per PEM file allowed); other files are ignored. A certificate file that
 * does not parse is an error: silently skipping it would silently change what is trusted.
 *
 * <p>Immutable and thread-safe; the folder is read on {@link #load()}.
 *
 * @since 0.1.0
 */
public final class CertificateFolderTrustSource implements TrustSource {

    private static final List<String> EXTENSIONS = List.of(".pem", ".crt", ".cer", ".der");

    private final Path folder;

    public CertificateFolderTrustSource(Path folder) {
        this.folder = folder;
    }

    @Override
    public TrustMaterial load() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a directory: " + folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(CertificateFolderTrustSource::isCertificateFile).sorted().toList();
        }
        List<TrustedService> services = new ArrayList<>();
        for (Path file : files) {
            for (X509Certificate certificate : Certificates.read(file)) {
                services.add(TrustedService.anchor(certificate));
            }
        }
        if (services.isEmpty()) {
            throw new IOException("no certificates in " + folder);
        }
        return new TrustMaterial(Certificates.distinct(services), List.of(), describe());
    }

    @Override
    public String describe() {
        return "certificates in " + folder;
    }

    static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
