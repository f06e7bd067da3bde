package ee.allkiri.asic.hostile;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.KeyCache;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The test PKI, forge and verifiers the hostile-input tests share: one verifier with the fast
 * path (primed with every valid variant, so attacks on the common shape meet a fast path that
 * knows its class) and one that lets DSS judge every signature. Keys are generated once per run.
 */
public final class Hostile {

    public static final TestPki PKI = TestPki.builder().seed(1).keys(new KeyCache(new BouncyCastleProvider())).build();
    public static final ContainerForge FORGE = new ContainerForge(PKI);
    /** A month after the epoch: every forged certificate but the expired one is valid. */
    public static final Instant AT = PKI.epoch().plus(Duration.ofDays(30));
    /** A budget no legitimate case comes near, so that LIMIT_TIME in a test means a hang. */
    public static final Duration BUDGET = Duration.ofSeconds(60);

    private static Verifier fast;
    private static Verifier full;

    private Hostile() {
    }

    /** The verifier with the fast path, primed. */
    public static synchronized Verifier fast() {
        if (fast == null) {
            fast = build(false);
            for (Variant v : Variant.values()) {
                if (v.name().startsWith("VALID_")) {
                    fast.verify(FORGE.forge(v), v.fileName());
                }
            }
        }
        return fast;
    }

    /** The verifier without the fast path. */
    public static synchronized Verifier full() {
        if (full == null) {
            full = build(true);
        }
        return full;
    }

    /** A fresh verifier over the test PKI with default limits but the test's time budget. */
    public static Verifier build(boolean fullValidationOnly) {
        Verifier.Builder b = Verifier.builder().trust(new PkiTrustSource(PKI)).validationTime(AT)
                .limits(ContainerLimits.DEFAULT.withTimeBudget(BUDGET));
        if (fullValidationOnly) {
            b.fullValidationOnly();
        }
        try {
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
