package ee.allkiri.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one signature.
 *
 * @param file               the signature's entry, e.g. {@code META-INF/signatures0.xml}; with the
 *                           container path this is the signature's key
 * @param id                 the XML {@code Id} of ds:Signature (not unique across files)
 * @param indication         ETSI main indication
 * @param subIndication      ETSI sub-indication, or null
 * @param profile            B, T, LT, LT_TM or LTA as found in the XML
 * @param level              qualification, {@link Qualification#NA} without trusted-list data
 * @param signer             who signed, or null when no signing certificate was found
 * @param claimedSigningTime the signer's own claim (xades:SigningTime), or null
 * @param bestSignatureTime  the earliest proven time the signature existed: the time-stamp or
 *                           the time-mark OCSP response; the validation time if neither
 * @param timestampTime      genTime of the first signature time-stamp, or null
 * @param ocspProducedAt     producedAt of the OCSP response for the signer's certificate, or null
 * @param signedFiles        names of the container's data files this signature covers
 * @param findings           what was observed on this signature
 * @since 0.1.0
 */
@JsonPropertyOrder({"file", "id", "valid", "indication", "subIndication", "profile", "level", "signer",
        "claimedSigningTime", "bestSignatureTime", "timestampTime", "ocspProducedAt", "signedFiles", "findings"})
@JsonIgnoreProperties(value = {"valid"}, allowGetters = true)
public record SignatureReport(
        String file,
        String id,
        Indication indication,
        SubIndication subIndication,
        Profile profile,
        Qualification level,
        Signer signer,
        Instant claimedSigningTime,
        Instant bestSignatureTime,
        Instant timestampTime,
        Instant ocspProducedAt,
        List<String> signedFiles,
        List<Finding> findings) {

    public SignatureReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(indication, "indication");
        signedFiles = signedFiles == null ? List.of() : List.copyOf(signedFiles);
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (indication == Indication.TOTAL_PASSED && subIndication != null) {
            throw new IllegalArgumentException("TOTAL_PASSED has no sub-indication");
        }
        if (indication == Indication.TOTAL_PASSED && findings.stream().anyMatch(Finding::isError)) {
            throw new IllegalArgumentException("a signature with an ERROR finding cannot be TOTAL_PASSED");
        }
    }

    /** True when the indication is {@link Indication#TOTAL_PASSED}. */
    @JsonProperty("valid")
    public boolean valid() {
        return indication == Indication.TOTAL_PASSED;
    }

    /** True when some finding on this signature has the given code. */
    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }
}
