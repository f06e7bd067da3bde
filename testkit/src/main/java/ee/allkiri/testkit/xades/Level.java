package ee.allkiri.testkit.xades;

/**
 * The XAdES levels the forge makes (ETSI EN 319 132-1 baseline, and BDOC 2.1 time-mark).
 *
 * @since 0.1.0
 */
public enum Level {
    /** XAdES-B: signed properties only. */
    B,
    /** XAdES-T: plus a signature time-stamp. */
    T,
    /** XAdES-LT: plus the certificates and the signer's OCSP response, after the time-stamp. */
    LT,
    /** XAdES-LTA: plus an archive time-stamp over all of it. */
    LTA,
    /** BDOC 2.1 LT-TM: the BDOC policy and an OCSP response whose nonce binds the signature value. */
    LT_TM
}
