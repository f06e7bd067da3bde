package ee.allkiri.testkit.bundle;

/**
 * What {@link BundleForge} may plant in a bundle's signature, and what it should make an audit
 * conclude. Only the first two make the signature itself invalid; the others are valid
 * signatures that an initiative audit must not count, except {@link #DAY_EDGE_INSIDE}. The
 * kinds from {@link #NOT_A_PERSONAL_NUMBER} on are the counting probes: planted only with
 * {@link BundleSpec#withProbes()}, a fixed set of them (see {@link #PROBES}).
 *
 * @since 0.1.0
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
    TEST_CERTIFICATE,
    /**
     * Probe: the certificate's serialNumber is a document number, not a personal number: an
     * identity card number ({@code IDCEE-AB1234567}, or eleven digits that look like a personal
     * code with a wrong check digit) or a Smart-ID account registered on the passport of a
     * person who also signs with an ID-card ({@code PASEE-K0123456}).
     */
    NOT_A_PERSONAL_NUMBER,
    /** Probe: a pre-2018 e-resident digi-ID (digi-ID policy, O=ESTEID (DIGI-ID E-RESIDENT)): not an eligible token. */
    E_RESIDENT_DIGI_ID,
    /** Probe: a Latvian personal number ({@code PNOLV-32...}), which carries no birth date: the age is unknown. */
    AGE_UNKNOWN,
    /** Probe: time-stamped at 00:00:00.000 Tallinn time on the window's first day, or at 23:59:59.500 on its last: counted. */
    DAY_EDGE_INSIDE,
    /** Probe: time-stamped at 23:59:59.999 Tallinn time the day before the first day, or 00:00:00.000 after the last: not counted. */
    DAY_EDGE_OUTSIDE;

    /** The counting probes, planted only with {@link BundleSpec#withProbes()}. */
    public static final java.util.Set<PlantedDefect> PROBES = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.range(NOT_A_PERSONAL_NUMBER, DAY_EDGE_OUTSIDE));

    /** The kinds planted at random, at the spec's defect rate. */
    public static final java.util.List<PlantedDefect> RANDOM = java.util.List.of(INVALID_SIGNATURE, REVOKED,
            DUPLICATE_PERSON, UNDER_AGE, SIGNED_AFTER_DEADLINE, TEST_CERTIFICATE);
}
