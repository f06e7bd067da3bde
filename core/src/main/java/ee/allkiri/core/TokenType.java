package ee.allkiri.core;

/**
 * The kind of token a signer's certificate was issued for, read from its policy identifiers.
 *
 * @since 0.1.0
 */
public enum TokenType {
    ID_CARD,
    DIGI_ID,
    E_RESIDENT_DIGI_ID,
    MOBILE_ID,
    SMART_ID,
    E_SEAL,
    UNKNOWN
}
