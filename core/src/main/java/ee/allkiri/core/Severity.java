package ee.allkiri.core;

/**
 * How much a {@link Finding} weighs.
 *
 * @since 0.1.0
 */
public enum Severity {
    /** The container or signature is not valid because of this finding. */
    ERROR,
    /** Valid, but a person should know. */
    WARNING,
    /** A fact worth recording; no effect on the verdict. */
    INFO
}
