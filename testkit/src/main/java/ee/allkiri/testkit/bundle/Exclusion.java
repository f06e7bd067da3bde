package ee.allkiri.testkit.bundle;

/**
 * Why an initiative audit does not count a signature (the reasons of the audit issue; the
 * answer key names them so an audit can be compared with it).
 */
public enum Exclusion {
    /** The signature is not TOTAL_PASSED. */
    SIGNATURE_NOT_VALID,
    /** The same person signed again later; only the latest valid signature counts. */
    DUPLICATE_PERSON,
    /** Under the minimum age at the best signature time. */
    UNDER_AGE,
    /** The best signature time is outside the collection window. */
    OUTSIDE_WINDOW,
    /** The certificate comes from a TEST chain. */
    TEST_CERTIFICATE
}
