package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SubIndication;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An engine's conclusion on one signature: indication, qualification, the signing certificate
 * and its issuer, the proven times and a finding for each failed check. Only engines make one
 * (the constructor is package-private); rules only read it. Immutable.
 */
final class Judgement {

    /** Which engine judged. */
    enum Path { FAST, FULL }

    /**
     * A time-stamp as the engine judged it; {@code qualified} when trusted lists show its TSA as
     * a granted qualified time-stamping service at its production time.
     */
    record Timestamp(Instant productionTime, boolean imprintIntact, boolean signatureIntact, boolean trusted,
                     boolean qualified) {
        boolean isGood() {
            return imprintIntact && signatureIntact && trusted;
        }
    }

    private final Path path;
    private final boolean found;
    private final Indication indication;
    private final SubIndication subIndication;
    private final Qualification qualification;
    private final X509Certificate signingCertificate;
    private final X509Certificate issuerCertificate;
    private final Instant bestSignatureTime;
    private final List<Timestamp> timestamps;
    private final List<Timestamp> contentTimestamps;
    private final List<Finding> findings;
    private final boolean listedChain;
    private final SignerRevocation.Outcome revocation;

    /**
     * @param found             whether the engine found a signature at all
     * @param bestSignatureTime the proven time of existence, or null when nothing proves one
     * @param timestamps        the signature time-stamps, in time order
     * @param contentTimestamps the content time-stamps (AllDataObjects, IndividualDataObjects)
     * @param listedChain       a certificate of the signer's chain is a trusted-list service
     * @param revocation        the signer's OCSP outcome when the engine verified it, else null
     */
    Judgement(Path path, boolean found, Indication indication, SubIndication subIndication, Qualification qualification,
              X509Certificate signingCertificate, X509Certificate issuerCertificate, Instant bestSignatureTime,
              List<Timestamp> timestamps, List<Timestamp> contentTimestamps, List<Finding> findings, boolean listedChain,
              SignerRevocation.Outcome revocation) {
        this.path = path;
        this.found = found;
        this.indication = indication;
        this.subIndication = subIndication;
        this.qualification = qualification;
        this.signingCertificate = signingCertificate;
        this.issuerCertificate = issuerCertificate;
        this.bestSignatureTime = bestSignatureTime;
        this.timestamps = List.copyOf(timestamps);
        this.contentTimestamps = List.copyOf(contentTimestamps);
        this.findings = List.copyOf(findings);
        this.listedChain = listedChain;
        this.revocation = revocation;
    }

    /** A judgement of a signature the engine could not process at all. */
    static Judgement unprocessable(Finding finding) {
        return new Judgement(Path.FULL, false, finding.code().indication(), finding.code().subIndication(), Qualification.NA,
                null, null, null, List.of(), List.of(), List.of(finding), false, null);
    }

    Path path() {
        return path;
    }

    boolean found() {
        return found;
    }

    Indication indication() {
        return indication;
    }

    SubIndication subIndication() {
        return subIndication;
    }

    Qualification qualification() {
        return qualification;
    }

    X509Certificate signingCertificate() {
        return signingCertificate;
    }

    X509Certificate issuerCertificate() {
        return issuerCertificate;
    }

    Instant bestSignatureTime() {
        return bestSignatureTime;
    }

    List<Timestamp> timestamps() {
        return timestamps;
    }

    List<Timestamp> contentTimestamps() {
        return contentTimestamps;
    }

    List<Finding> findings() {
        return findings;
    }

    boolean listedChain() {
        return listedChain;
    }

    Optional<SignerRevocation.Outcome> revocation() {
        return Optional.ofNullable(revocation);
    }
}
