package ee.allkiri.asic.internal.fast;

import ee.allkiri.core.internal.SignerIdentity;
import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which signatures DSS necessarily qualifies alike. DSS's qualification of a signature depends
 * on the trusted-list service behind the signer's CA (its status period at the certificate's
 * issuance and at the signing time), on what the certificate says of itself (policies, QC
 * statements, key usage, the kinds of subject attributes) and on the time-stamping unit's
 * service period. Two signatures with the same key get the same qualification, so the fast
 * path may reuse the one DSS gave the first of them. Immutable and thread-safe.
 */
public final class QualificationClass {

    private final Map<String, List<TrustedService>> services;

    public QualificationClass(TrustMaterial trust) {
        Map<String, List<TrustedService>> byCertificate = new HashMap<>();
        for (TrustedService s : trust.services()) {
            byCertificate.computeIfAbsent(Anchors.sha256(s.certificate()), k -> new ArrayList<>()).add(s);
        }
        this.services = Map.copyOf(byCertificate);
    }

    /**
     * @param anchor   the signer's CA (a trust anchor)
     * @param signer   the signer's certificate
     * @param signedAt the proven signing time
     * @param unit     the time-stamping unit, or null for a time-mark
     * @param stampAt  the time-stamp's time, or null
     */
    public String key(X509Certificate anchor, X509Certificate signer, Instant signedAt, X509Certificate unit, Instant stampAt) {
        StringBuilder key = new StringBuilder();
        String anchorId = Anchors.sha256(anchor);
        key.append(anchorId).append('|').append(periods(anchorId, signer.getNotBefore().toInstant()))
                .append('|').append(periods(anchorId, signedAt));
        key.append('|').append(String.join(",", SignerIdentity.policies(signer).stream().sorted().toList()));
        key.append('|').append(hex(signer.getExtensionValue("1.3.6.1.5.5.7.1.3")));
        key.append('|').append(Arrays.toString(signer.getKeyUsage()));
        try {
            key.append('|').append(signer.getExtendedKeyUsage());
        } catch (java.security.cert.CertificateParsingException e) {
            key.append("|?");
        }
        key.append('|').append(attributeTypes(signer));
        if (unit != null) {
            String unitId = Anchors.sha256(unit);
            key.append('|').append(unitId).append('|').append(periods(unitId, stampAt));
        }
        return key.toString();
    }

    /** For each service of the certificate: the index of the status period holding the instant. */
    private String periods(String certificate, Instant at) {
        StringBuilder out = new StringBuilder();
        for (TrustedService s : services.getOrDefault(certificate, List.of())) {
            Optional<ServiceStatus> status = s.statusAt(at);
            out.append(status.map(x -> String.valueOf(s.history().indexOf(x))).orElse("-")).append(';');
        }
        return out.toString();
    }

    private static String attributeTypes(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        List<String> types = new ArrayList<>();
        for (String rdn : name.split("(?<!\\\\),")) {
            int eq = rdn.indexOf('=');
            if (eq > 0) {
                types.add(rdn.substring(0, eq).trim());
            }
        }
        return String.join(",", types.stream().sorted().toList());
    }

    private static String hex(byte[] value) {
        return value == null ? "" : HexFormat.of().formatHex(value);
    }
}
