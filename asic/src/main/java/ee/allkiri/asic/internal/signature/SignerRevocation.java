package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.core.spi.RevocationResult;
import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.ocsp.internal.OcspCheck;
import ee.allkiri.ocsp.internal.OcspFormatException;
import ee.allkiri.ocsp.internal.OcspResponse;
import ee.allkiri.ocsp.internal.OcspVerification;
import ee.allkiri.ocsp.internal.OcspVerifier;
import ee.allkiri.ocsp.internal.SingleStatus;
import ee.allkiri.ocsp.internal.TimeMarkNonce;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The revocation evidence for a signer's certificate: the OCSP response the signature embeds,
 * verified by the {@code ocsp} module's rules, or, for a signature without one and a verifier
 * with a {@link RevocationSource}, an answer fetched now and verified by the same rules.
 * Thread-safe.
 */
final class SignerRevocation {

    /**
     * DSS's findings about the signer's revocation data, which allkiri's own verification of
     * the same response states more precisely; they are dropped when it reports an error.
     */
    private static final Set<FindingCode> DSS_REVOCATION_CODES = Set.of(FindingCode.REVOCATION_MISSING,
            FindingCode.OCSP_STATUS_UNKNOWN, FindingCode.OCSP_RESPONDER_UNTRUSTED, FindingCode.CERTIFICATE_REVOKED);

    /**
     * What was found.
     *
     * @param response the signer's OCSP response (embedded or fetched), or null
     * @param fetched  the DER of a response fetched online that verified, else null
     * @param findings the OCSP findings
     */
    record Outcome(OcspResponse response, byte[] fetched, List<Finding> findings) {
        Outcome {
            findings = List.copyOf(findings);
        }

        boolean hasError() {
            return findings.stream().anyMatch(Finding::isError);
        }
    }

    /** Whether an engine's finding with this code is superseded by allkiri's own OCSP errors. */
    static boolean supersedes(FindingCode code) {
        return DSS_REVOCATION_CODES.contains(code);
    }

    private final OcspVerifier verifier;
    private final RevocationSource online;

    /** @param online where to ask when a signature embeds no response; null to stay offline */
    SignerRevocation(OcspVerifier verifier, RevocationSource online) {
        this.verifier = verifier;
        this.online = online;
    }

    boolean isOnline() {
        return online != null;
    }

    /**
     * Verifies the embedded evidence about the signer's certificate: every response of
     * RevocationValues that is about it, not only one. The first that verifies is the evidence;
     * any response that says revoked not after the signing time decides
     * ({@code OCSP_STATUS_REVOKED}); responses that contradict each other (good at a time by
     * which another says it was revoked, or good and unknown) are {@code OCSP_RESPONSES_CONTRADICT}.
     * With no response about the certificate, the first response is verified (and fails
     * {@code OCSP_CERT_ID_MISMATCH}).
     *
     * @param timeMarkValue the signature value for a BDOC time-mark, else null
     * @param timestampTime the signature time-stamp's genTime, or null
     */
    Outcome embedded(List<OcspResponse> responses, X509Certificate signer, X509Certificate issuer,
                     List<X509Certificate> signatureCertificates, byte[] timeMarkValue, Instant timestampTime,
                     Instant validationTime, boolean lenient, String location) {
        if (responses.isEmpty()) {
            return new Outcome(null, null, List.of());
        }
        OcspCheck check = OcspCheck.embedded(signer, issuer, validationTime).withCertificates(signatureCertificates)
                .withTimestamp(timeMarkValue == null ? timestampTime : null).at(location);
        OcspCheck full = timeMarkValue == null ? check : check.withTimeMark(timeMarkValue);
        List<OcspResponse> about = responses.stream().filter(r -> !statuses(r, signer, issuer).isEmpty()).toList();
        if (about.isEmpty()) {
            OcspVerification verification = NonDerCertificates.when(lenient, () -> verifier.verify(responses.get(0), full));
            return new Outcome(responses.get(0), null, verification.findings());
        }
        List<OcspVerification> verifications = new ArrayList<>();
        for (OcspResponse r : about) {
            verifications.add(NonDerCertificates.when(lenient, () -> verifier.verify(r, full)));
        }
        int primary = 0;
        for (int i = 0; i < about.size(); i++) {
            if (verifications.get(i).passed()) {
                primary = i;
                break;
            }
        }
        List<Finding> findings = new ArrayList<>(verifications.get(primary).findings());
        Instant signedAt = timeMarkValue != null ? about.get(primary).producedAt() : timestampTime;
        for (int i = 0; i < about.size(); i++) {
            if (i != primary) {
                verifications.get(i).findings().stream()
                        .filter(f -> f.code() == FindingCode.OCSP_STATUS_REVOKED || f.code() == FindingCode.OCSP_STATUS_UNKNOWN)
                        .forEach(findings::add);
            }
            // every SingleResponse about the signer counts, not only the first of a response
            List<SingleStatus> all = statuses(about.get(i), signer, issuer);
            if (verifications.get(i).verified() && all.size() > 1) {
                for (SingleStatus s : all.subList(1, all.size())) {
                    if (s.status() == ee.allkiri.core.spi.RevocationStatus.REVOKED
                            && (signedAt == null || !s.revocationTime().isAfter(signedAt))) {
                        findings.add(Finding.of(FindingCode.OCSP_STATUS_REVOKED, location, "revoked at " + s.revocationTime()
                                + " by another SingleResponse of the same OCSP response"));
                    }
                }
            }
        }
        contradiction(about, signer, issuer, location).ifPresent(findings::add);
        return new Outcome(about.get(primary), null, findings);
    }

    /**
     * The time-mark of a BDOC signature: among the responses about the signer, the one whose
     * nonce binds the signature value, else the earliest; empty when none is about the signer.
     */
    static Optional<Instant> timeMark(List<OcspResponse> responses, X509Certificate signer, byte[] signatureValue) {
        List<OcspResponse> about = responses.stream().filter(r -> !statuses(r, signer, null).isEmpty()).toList();
        return about.stream().filter(r -> TimeMarkNonce.check(r, signatureValue) == TimeMarkNonce.Result.MATCHES)
                .findFirst().or(() -> about.stream().min(Comparator.comparing(OcspResponse::producedAt)))
                .map(OcspResponse::producedAt);
    }

    /** Two statuses about the signer (in two responses, or two SingleResponses of one) that cannot both be true. */
    private static Optional<Finding> contradiction(List<OcspResponse> about, X509Certificate signer, X509Certificate issuer,
                                                   String location) {
        List<SingleStatus> all = new ArrayList<>();
        for (OcspResponse r : about) {
            all.addAll(statuses(r, signer, issuer));
        }
        for (SingleStatus sa : all) {
            for (SingleStatus sb : all) {
                if (sa.status() != ee.allkiri.core.spi.RevocationStatus.GOOD || sb.status() == sa.status()) {
                    continue;
                }
                boolean unknown = sb.status() == ee.allkiri.core.spi.RevocationStatus.UNKNOWN;
                boolean revokedBefore = sb.status() == ee.allkiri.core.spi.RevocationStatus.REVOKED
                        && !sb.revocationTime().isAfter(sa.thisUpdate());
                if (unknown || revokedBefore) {
                    return Optional.of(Finding.of(FindingCode.OCSP_RESPONSES_CONTRADICT, location, "one OCSP status says "
                            + "the signer's certificate was good at " + sa.thisUpdate() + ", another says " + sb.status()
                            + (revokedBefore ? " since " + sb.revocationTime() : "")));
                }
            }
        }
        return Optional.empty();
    }

    /** Every SingleResponse of the response about the certificate; by serial and issuer name when the issuer is unknown. */
    private static List<SingleStatus> statuses(OcspResponse response, X509Certificate certificate, X509Certificate issuer) {
        return response.responses().stream()
                .filter(s -> s.serialNumber().equals(certificate.getSerialNumber()))
                .filter(s -> issuer != null ? OcspResponse.matchesIssuer(s, issuer)
                        : OcspResponse.matchesIssuerName(s, certificate.getIssuerX500Principal()))
                .toList();
    }

    /**
     * Asks the revocation source about a signer whose signature embeds no response, and
     * verifies the answer as an embedded one would be, against the current time.
     */
    Outcome online(X509Certificate signer, X509Certificate issuer, Instant timestampTime, Instant validationTime,
                   String location) {
        RevocationResult result = online.check(signer, issuer);
        if (result instanceof RevocationResult.NotAvailable missing) {
            return new Outcome(null, null, List.of(Finding.of(missing.code(), location, missing.detail())));
        }
        byte[] raw = ((RevocationResult.Found) result).rawResponse();
        OcspResponse response;
        try {
            response = OcspResponse.parse(raw);
        } catch (OcspFormatException e) {
            return new Outcome(null, null, List.of(Finding.of(FindingCode.OCSP_RESPONSE_INVALID, location,
                    "the revocation source's response does not parse: " + e.getMessage())));
        }
        OcspCheck check = OcspCheck.current(signer, issuer, validationTime).withTimestamp(timestampTime).at(location);
        OcspVerification verification = verifier.verify(response, check);
        List<Finding> findings = new ArrayList<>(verification.findings());
        if (verification.verified()) {
            findings.add(Finding.of(FindingCode.REVOCATION_CHECKED_ONLINE, location,
                    "status " + verification.status().status() + " from a response produced at " + response.producedAt()));
        }
        return new Outcome(response, verification.verified() ? raw : null, findings);
    }

    /** The finding for a B or T level signature, softened to a warning when an online check passed. */
    static Finding notLongTerm(String profile, Outcome online, String location) {
        boolean checked = online != null && online.fetched() != null && !online.hasError();
        String message = profile + " level: no OCSP response in the signature" + (checked ? "; checked online" : "");
        Severity severity = checked ? Severity.WARNING : FindingCode.PROFILE_NOT_LONG_TERM.defaultSeverity();
        return new Finding(FindingCode.PROFILE_NOT_LONG_TERM, severity, message, location);
    }
}
