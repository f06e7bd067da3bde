package ee.allkiri.core;

/**
 * Main indication of a validation, as defined by ETSI EN 319 102-1 section 5.1.3.
 *
 * @since 0.1.0
 */
public enum Indication {
    /** Every check passed. */
    TOTAL_PASSED,
    /** A check failed in a way that later evidence cannot repair. */
    TOTAL_FAILED,
    /** The available evidence is insufficient to conclude either way. */
    INDETERMINATE
}
