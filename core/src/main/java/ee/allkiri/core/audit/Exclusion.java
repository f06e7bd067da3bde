package ee.allkiri.core.audit;

/**
 * Why a signature does not count towards an initiative. Stable codes, part of the audit
 * output contract; a signature may have several.
 */
public enum Exclusion {
    /** The signature is not TOTAL_PASSED (its sub-indication says why). */
    NOT_VALID,
    /** The container holding it has an ERROR finding of its own. */
    CONTAINER_INVALID,
    /** The signature does not cover exactly the initiative document. */
    NOT_THE_DOCUMENT,
    /** The same person signed again; only their latest valid signature counts. */
    DUPLICATE_PERSON,
    /** Under the minimum age at the signing time. */
    UNDER_AGE,
    /** Signed (by the best signature time) outside the collection window. */
    OUTSIDE_WINDOW,
    /** The personal code fails its check digit or date. */
    BAD_PERSONAL_CODE,
    /** The certificate names no personal code. */
    NO_PERSONAL_CODE,
    /** An e-seal: not a natural person. */
    NOT_NATURAL_PERSON,
    /** A TEST certificate (accepted only when the audit says so). */
    TEST_CERTIFICATE,
    /** The token type is not among the eligible ones (e.g. e-resident digi-ID by default). */
    NOT_ELIGIBLE_TOKEN,
    /** The personal code's country is not among the eligible ones. */
    NOT_ELIGIBLE_COUNTRY
}
