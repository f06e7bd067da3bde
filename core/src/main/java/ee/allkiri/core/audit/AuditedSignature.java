package ee.allkiri.core.audit;

import ee.allkiri.core.SignatureReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One signature of an audit: the verifier's report on it and why it does not count, if it
 * does not.
 *
 * @param container   the container path (with {@code signature.file()} the signature's key)
 * @param signature   the verification report
 * @param signedAt    the time the audit judged it by: the time-stamp, or the time-mark OCSP
 *                    response for BDOC-TM; never the signer's own claim; null if unproven
 * @param exclusions  reasons it does not count; empty when it counts
 * @param duplicateOf for a {@link Exclusion#DUPLICATE_PERSON}, the same person's signature that counts
 *                    instead; null otherwise
 * @since 0.1.0
 */
public record AuditedSignature(String container, SignatureReport signature, Instant signedAt, List<Exclusion> exclusions,
                               SignatureKey duplicateOf) {

    public AuditedSignature {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(signature, "signature");
        exclusions = List.copyOf(exclusions);
        if ((duplicateOf != null) != exclusions.contains(Exclusion.DUPLICATE_PERSON)) {
            throw new IllegalArgumentException("duplicateOf names the counted signature of a DUPLICATE_PERSON, and only of one");
        }
    }

    /** This signature's key: its container and file. */
    public SignatureKey key() {
        return new SignatureKey(container, signature.file());
    }

    public boolean counted() {
        return exclusions.isEmpty();
    }
}
