package ee.allkiri.asic;

import ee.allkiri.asic.rules.NonDerCertificates;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.core.spi.RevocationResult;
import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.ocsp.OcspCheck;
import ee.allkiri.ocsp.OcspFormatException;
import ee.allkiri.ocsp.OcspResponse;
import ee.allkiri.ocsp.OcspVerification;
import ee.allkiri.ocsp.OcspVerifier;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

        /** DSS's findings without those this outcome's errors supersede. */
        List<Finding> withoutSuperseded(List<Finding> dss) {
            if (!hasError()) {
                return dss;
            }
            return dss.stream().filter(f -> !DSS_REVOCATION_CODES.contains(f.code())).toList();
        }
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
     * Verifies the embedded response about the signer's certificate.
     *
     * @param timeMarkValue the signature value for a BDOC time-mark, else null
     * @param timestampTime the signature time-stamp's genTime, or null
     */
    Outcome embedded(List<OcspResponse> responses, X509Certificate signer, X509Certificate issuer,
                     List<X509Certificate> signatureCertificates, byte[] timeMarkValue, Instant timestampTime,
                     Instant validationTime, boolean lenient, String location) {
        OcspResponse response = OcspVerifier.select(responses, signer, issuer).orElse(null);
        if (response == null) {
            return new Outcome(null, null, List.of());
        }
        OcspCheck check = OcspCheck.embedded(signer, issuer, validationTime).withCertificates(signatureCertificates)
                .withTimestamp(timeMarkValue == null ? timestampTime : null).at(location);
        OcspCheck full = timeMarkValue == null ? check : check.withTimeMark(timeMarkValue);
        OcspVerification verification = leniently(lenient, () -> verifier.verify(response, full));
        return new Outcome(response, null, verification.findings());
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

    private static <T> T leniently(boolean lenient, Supplier<T> task) {
        return lenient ? NonDerCertificates.leniently(task) : task.get();
    }
}
