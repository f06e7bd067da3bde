package ee.allkiri.asic.internal.fast;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** The anchors convert a key to the provider's key only when that anchor is tried as an issuer. */
class AnchorsTest {

    @Test
    void anAnchorKeyIsConvertedOnlyWhenItIsTriedAsAnIssuer() throws IOException {
        List<X509Certificate> trust = new CertificateFolderTrustSource(Fixtures.trust()).load().services().stream()
                .map(TrustedService::certificate).toList();
        Anchors scout = new Anchors(trust, new BouncyCastleProvider());
        X509Certificate issued = trust.stream().filter(c -> scout.issuerOf(c, false).isPresent()).findFirst().orElseThrow();
        X509Certificate issuer = scout.issuerOf(issued, false).orElseThrow();
        long sameName = trust.stream().filter(c -> c.getSubjectX500Principal().equals(issued.getIssuerX500Principal())).count();

        Anchors anchors = new Anchors(trust, new BouncyCastleProvider());
        assertThat(trust).hasSizeGreaterThan(20);
        assertThat(anchors.convertedKeys()).as("keys converted when built").isZero();
        assertThat(anchors.issuerOf(issued, false)).contains(issuer);
        assertThat(anchors.convertedKeys()).as("keys converted after one issuer look-up").isBetween(1, (int) sameName);
        assertThat(anchors.issuerOf(issued, false)).contains(issuer);
        assertThat(anchors.convertedKeys()).as("the same look-up again converts nothing more").isBetween(1, (int) sameName);
    }
}
