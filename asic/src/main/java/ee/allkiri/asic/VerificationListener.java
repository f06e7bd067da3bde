package ee.allkiri.asic;

import ee.allkiri.core.SignatureReport;

/**
 * Hears about a verification as it goes: for progress on a bundle of thousands of signatures.
 * Passed per call to {@link Verifier#verify(java.nio.file.Path, VerificationListener)}.
 *
 * <p>Methods may be called from the verifier's worker threads, concurrently and in any order of
 * signatures: implementations must be thread-safe and quick. An exception thrown here propagates
 * out of {@code verify}.
 *
 * @since 0.1.0
 */
public interface VerificationListener {

    /** Does nothing. */
    VerificationListener NONE = new VerificationListener() {
    };

    /**
     * The container was read and its signatures are about to be verified.
     *
     * @param container  the name the report will carry
     * @param signatures how many signature files it has
     */
    default void containerOpened(String container, int signatures) {
    }

    /** One signature of {@code container} has its report. */
    default void signatureVerified(String container, SignatureReport report) {
    }
}
