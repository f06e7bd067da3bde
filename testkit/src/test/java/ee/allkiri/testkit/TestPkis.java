package ee.allkiri.testkit;

import ee.allkiri.testkit.pki.KeyCache;
import ee.allkiri.testkit.pki.TestPki;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The PKI and key cache the testkit tests share: generating keys costs time, so once per run. */
public final class TestPkis {

    /** Keys of every PKI the tests build. */
    public static final KeyCache KEYS = new KeyCache(new BouncyCastleProvider());

    /** Seed 1 at the default epoch. */
    public static final TestPki SEED_1 = TestPki.builder().seed(1).keys(KEYS).build();

    private TestPkis() {
    }
}
