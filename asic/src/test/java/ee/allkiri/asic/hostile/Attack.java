package ee.allkiri.asic.hostile;

import ee.allkiri.core.FindingCode;
import java.util.function.Supplier;

/**
 * One hostile container: what it tries, the finding code that must name it, and how to make it.
 *
 * @param name  what the attack does (the test's display name)
 * @param code  the code the verifier must report, on the container or a signature
 * @param bytes makes the container (forged on demand, so a failing case costs nothing to others)
 */
public record Attack(String name, FindingCode code, Supplier<byte[]> bytes) {

    @Override
    public String toString() {
        return name;
    }
}
