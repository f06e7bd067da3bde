package ee.allkiri.asic.redteam;

import ee.allkiri.core.FindingCode;
import java.util.function.Supplier;

/**
 * One forged container that tries to get past a rule: what it tries, the finding code that
 * must name it, and how to make it.
 *
 * @param family    the attack family (the catalogue class it comes from)
 * @param name      what the attack does (the test's display name)
 * @param expected  the code the verifier must report, on the container or a signature
 * @param namedFile a data file the expected finding must name (as its location or in its message), or null
 * @param judges    which verifiers judge it: the test PKI's or the real fixtures' trust
 * @param container makes the container (forged on demand, so a failing case costs nothing to others)
 */
public record RedTeamAttack(String family, String name, FindingCode expected, String namedFile, Judges judges,
                            Supplier<byte[]> container) {

    /** An attack judged over the test PKI, with no file to name. */
    static RedTeamAttack of(String family, String name, FindingCode expected, Supplier<byte[]> container) {
        return new RedTeamAttack(family, name, expected, null, Judges.TEST_PKI, container);
    }

    /** An attack judged over the test PKI whose finding must name a data file. */
    static RedTeamAttack naming(String family, String name, FindingCode expected, String namedFile,
                                Supplier<byte[]> container) {
        return new RedTeamAttack(family, name, expected, namedFile, Judges.TEST_PKI, container);
    }

    @Override
    public String toString() {
        return family + ": " + name;
    }
}
