package ee.allkiri.testkit.pki;

import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import java.util.List;

/**
 * The trust anchors of a {@link TestPki} as a verifier's trust source (no trusted-list data).
 *
 * @since 0.1.0
 */
public final class PkiTrustSource implements TrustSource {

    private final TestPki pki;

    public PkiTrustSource(TestPki pki) {
        this.pki = pki;
    }

    @Override
    public TrustMaterial load() {
        List<TrustedService> services = pki.trustAnchors().stream().map(TrustedService::anchor).toList();
        return new TrustMaterial(services, List.of(), describe());
    }

    @Override
    public String describe() {
        return "testkit PKI (seed " + pki.seed() + ")";
    }
}
