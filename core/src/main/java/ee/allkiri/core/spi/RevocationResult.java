package ee.allkiri.core.spi;

import ee.allkiri.core.FindingCode;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer of a {@link RevocationSource}: either a checked status, or the reason there is
 * none. Never null.
 *
 * @since 0.1.0
 */
public sealed interface RevocationResult permits RevocationResult.Found, RevocationResult.NotAvailable {

    /**
     * A status from a response the source has verified: it is about the asked certificate, its
     * responder is authorized by the certificate's issuer, its signature verifies, it is fresh,
     * and (for a request with a nonce) it echoes the nonce.
     *
     * @param status         good, revoked or unknown
     * @param revocationTime when the certificate was revoked; null unless {@code REVOKED}
     * @param reason         why, when the response says; else null
     * @param rawResponse    the DER OCSPResponse as received, for archiving
     * @param producedAt     when the responder signed the response
     * @param thisUpdate     the time at which the status is known to be correct
     * @param nextUpdate     when newer information will be available, or null
     */
    record Found(RevocationStatus status, Instant revocationTime, RevocationReason reason, byte[] rawResponse,
                 Instant producedAt, Instant thisUpdate, Instant nextUpdate) implements RevocationResult {
        public Found {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(rawResponse, "rawResponse");
            Objects.requireNonNull(producedAt, "producedAt");
            Objects.requireNonNull(thisUpdate, "thisUpdate");
            if ((status == RevocationStatus.REVOKED) != (revocationTime != null)) {
                throw new IllegalArgumentException("a revocation time goes with, and only with, REVOKED");
            }
            rawResponse = rawResponse.clone();
        }

        @Override
        public byte[] rawResponse() {
            return rawResponse.clone();
        }
    }

    /**
     * No usable status: the responder could not be reached, did not answer in time, or its
     * answer failed verification.
     *
     * @param code   why, as a finding code (e.g. {@link FindingCode#REVOCATION_UNAVAILABLE},
     *               {@link FindingCode#OCSP_NONCE_MISMATCH})
     * @param detail an English explanation for people
     */
    record NotAvailable(FindingCode code, String detail) implements RevocationResult {
        public NotAvailable {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
