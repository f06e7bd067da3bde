package ee.allkiri.core;

/**
 * The signature's baseline level as found in the XML, independent of whether it validates.
 * {@code LT_TM} is a BDOC 2.1 time-mark signature: XAdES with an OCSP response whose nonce
 * binds the signature value, and no signature time-stamp.
 *
 * @since 0.1.0
 */
public enum Profile {
    B,
    B_EPES,
    T,
    LT,
    LT_TM,
    LTA,
    UNKNOWN
}
