package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trust anchors from one PEM or DER file (several certificates allowed in PEM).
 *
 * @since 0.1.0
 */
public final class CertificateFileTrustSource implements TrustSource {

    private final Path file;

    public CertificateFileTrustSource(Path file) {
        this.file = file;
    }

    @Override
    public TrustMaterial load() throws IOException {
        List<TrustedService> services = Certificates.read(file).stream().map(TrustedService::anchor).toList();
        return new TrustMaterial(Certificates.distinct(services), List.of(), describe());
    }

    @Override
    public String describe() {
        return "certificates in " + file;
    }
}
