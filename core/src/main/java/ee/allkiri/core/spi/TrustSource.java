package ee.allkiri.core.spi;

import java.io.IOException;

/**
 * Where a verifier's trust comes from: a folder of certificates, a keystore, a trusted list
 * snapshot. A verifier calls {@link #load()} once, when it is built, and keeps the result.
 *
 * @since 0.1.0
 */
public interface TrustSource {

    /**
     * Reads the trust material.
     *
     * @throws IOException when the material cannot be read or is not what it claims to be;
     *                     a verifier cannot be built without trust
     */
    TrustMaterial load() throws IOException;

    /** A short description for reports and error messages, e.g. the folder or list name. */
    String describe();
}
