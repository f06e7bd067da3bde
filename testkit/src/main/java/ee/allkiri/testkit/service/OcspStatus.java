package ee.allkiri.testkit.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What an OCSP response says about one certificate (RFC 6960 4.2.1).
 *
 * @param kind      good, revoked or unknown
 * @param revokedAt the revocation time for {@link Kind#REVOKED}, else null
 * @since 0.1.0
 */
public record OcspStatus(Kind kind, Instant revokedAt) {

    /** The three certificate statuses of RFC 6960. */
    public enum Kind { GOOD, REVOKED, UNKNOWN }

    public static final OcspStatus GOOD = new OcspStatus(Kind.GOOD, null);
    public static final OcspStatus UNKNOWN = new OcspStatus(Kind.UNKNOWN, null);

    public OcspStatus {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REVOKED) != (revokedAt != null)) {
            throw new IllegalArgumentException("a revocation time goes with REVOKED only");
        }
    }

    public static OcspStatus revoked(Instant at) {
        return new OcspStatus(Kind.REVOKED, at);
    }

    /** The status a responder reports at {@code producedAt} for a certificate revoked at {@code revokedAt} (or never). */
    public static OcspStatus at(Instant revokedAt, Instant producedAt) {
        return revokedAt != null && !revokedAt.isAfter(producedAt) ? revoked(revokedAt) : GOOD;
    }
}
