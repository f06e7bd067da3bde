package ee.allkiri.testkit.bundle;

/**
 * What {@link BundleForge} may plant in a bundle's signature, and what it should make an audit
 * conclude. Only the first two make the signature itself invalid; the others are valid
 * signatures that an initiative audit must not count.
 */
public enum PlantedDefect {
    /** Nothing planted. */
    NONE,
    /** The signature value does not verify. */
    INVALID_SIGNATURE,
    /** The signer's certificate was revoked the day before signing. */
    REVOKED,
    /** The person signed before; this later signature is the one that counts, the earlier one does not. */
    DUPLICATE_PERSON,
    /** The signer was younger than the minimum age at the signing time. */
    UNDER_AGE,
    /** Time-stamped after the collection window closed. */
    SIGNED_AFTER_DEADLINE,
    /** The signer's certificate comes from the TEST CA. */
    TEST_CERTIFICATE
}
