package ee.allkiri.core.spi;

import java.util.Optional;

/**
 * Why a certificate was revoked: the CRLReason codes of RFC 5280 5.3.1 (7 is not used).
 *
 * @since 0.1.0
 */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    REMOVE_FROM_CRL(8),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The CRLReason value. */
    public int code() {
        return code;
    }

    /** The reason for a CRLReason value; empty for a value RFC 5280 does not define. */
    public static Optional<RevocationReason> of(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
