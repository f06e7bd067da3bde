package ee.allkiri.ocsp.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an OCSP response is checked against. Start from {@link #embedded} or {@link #current}
 * and add what the signature provides with the {@code with...} methods. Immutable.
 *
 * @param certificate    the certificate the response must be about
 * @param issuer         its issuer's certificate; null when unknown (then it is looked for among
 *                       {@code certificates}, the response's certificates and the trusted ones)
 * @param certificates   other certificates that came with the response (a signature's
 *                       KeyInfo and CertificateValues), to find the issuer and responder in
 * @param validationTime the time of the verification
 * @param timestampTime  genTime of the signature time-stamp, or null: the status must hold at
 *                       this time, and an embedded response must come after it (BDOC 2.1 5.3)
 * @param timeMarkValue  for a BDOC time-mark, the decoded ds:SignatureValue the nonce must
 *                       bind; else null
 * @param current        true for an answer about the status now (an online check): the status
 *                       age is measured from the validation time, not from producedAt
 * @param location       where findings point, e.g. the signature file; may be null
 */
public record OcspCheck(X509Certificate certificate, X509Certificate issuer, List<X509Certificate> certificates,
                        Instant validationTime, Instant timestampTime, byte[] timeMarkValue, boolean current,
                        String location) {

    public OcspCheck {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(validationTime, "validationTime");
        certificates = List.copyOf(certificates);
        timeMarkValue = timeMarkValue == null ? null : timeMarkValue.clone();
    }

    /** A response embedded in a signature, checked at the validation time. */
    public static OcspCheck embedded(X509Certificate certificate, X509Certificate issuer, Instant validationTime) {
        return new OcspCheck(certificate, issuer, List.of(), validationTime, null, null, false, null);
    }

    /** A response fetched now about the certificate's current status. */
    public static OcspCheck current(X509Certificate certificate, X509Certificate issuer, Instant now) {
        return new OcspCheck(certificate, issuer, List.of(), now, null, null, true, null);
    }

    @Override
    public byte[] timeMarkValue() {
        return timeMarkValue == null ? null : timeMarkValue.clone();
    }

    /** True when the response is a BDOC time-mark. */
    public boolean isTimeMark() {
        return timeMarkValue != null;
    }

    public OcspCheck withCertificates(List<X509Certificate> others) {
        return new OcspCheck(certificate, issuer, others, validationTime, timestampTime, timeMarkValue, current, location);
    }

    public OcspCheck withTimestamp(Instant genTime) {
        return new OcspCheck(certificate, issuer, certificates, validationTime, genTime, timeMarkValue, current, location);
    }

    public OcspCheck withTimeMark(byte[] signatureValue) {
        return new OcspCheck(certificate, issuer, certificates, validationTime, timestampTime,
                Objects.requireNonNull(signatureValue), current, location);
    }

    public OcspCheck at(String where) {
        return new OcspCheck(certificate, issuer, certificates, validationTime, timestampTime, timeMarkValue, current, where);
    }
}
