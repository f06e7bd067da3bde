package ee.allkiri.asic.forge;

import ee.allkiri.testkit.pki.KeyCache;
import ee.allkiri.testkit.pki.TestPki;

/** The forge's shared PKI and keys, for tests outside this package. */
public final class ForgedAccess {

    private ForgedAccess() {
    }

    public static TestPki pki() {
        return Forged.PKI;
    }

    public static KeyCache keys() {
        return Forged.KEYS;
    }
}
