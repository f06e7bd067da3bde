package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.PKI;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.testkit.pki.Authority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A trust anchor with a prime RSA modulus: a time-stamping unit, certified by the test PKI's TSA CA
 * under a name of its own, listed in a verifier's trust beside the test PKI's anchors (as a trusted
 * list lists a unit). The test PKI's own anchors are all EC keys, so this is the one RSA anchor.
 */
final class WeakAnchors {

    static final String TSA = "ALLKIRI WEAK-KEY TIMESTAMPING UNIT";

    private WeakAnchors() {
    }

    /** The unit, its key's modulus {@link WeakKeys#prime(String) prime(label)}. */
    static Authority tsa(String label) {
        return tsa(WeakKeys.primeModulus(label), label);
    }

    /** The unit with the key (a proper one for a control). */
    static Authority tsa(WeakKeys.RawKey key, String label) {
        return WeakKeys.authority(PKI.tsa(), key, "anchor-tsa:" + label, TSA);
    }

    /** The ID-card signer, LT, time-stamped by the unit. */
    static byte[] stamped(Authority tsa) {
        return Forgery.container(List.of(Forgery.doc()),
                List.of(Forgery.sign(Forgery.spec(Forgery.signer(), Forgery.doc()).tsa(tsa).build())));
    }

    /** A new verifier over the test PKI's anchors and this one, at the hostile-input tests' instant. */
    static Verifier verifier(X509Certificate anchor, boolean fullValidationOnly) {
        TrustSource trust = new TrustSource() {
            @Override
            public TrustMaterial load() {
                List<TrustedService> services = new ArrayList<>();
                PKI.trustAnchors().forEach(c -> services.add(TrustedService.anchor(c)));
                services.add(TrustedService.anchor(anchor));
                return new TrustMaterial(services, List.of(), describe());
            }

            @Override
            public String describe() {
                return "testkit PKI and a weak-key anchor";
            }
        };
        Verifier.Builder builder = Verifier.builder().trust(trust).validationTime(Hostile.AT)
                .limits(ContainerLimits.DEFAULT.withTimeBudget(Hostile.BUDGET));
        if (fullValidationOnly) {
            builder.fullValidationOnly();
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
