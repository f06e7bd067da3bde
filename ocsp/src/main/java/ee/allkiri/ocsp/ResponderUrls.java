package ee.allkiri.ocsp;

import ee.allkiri.core.internal.SignerIdentity;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Where to ask about a certificate: the URL configured for its issuer, else the OCSP URL its
 * Authority Information Access names (RFC 5280 4.2.2.1), but only when that URL is on the
 * allow-list. A certificate cannot make the client call a URL nobody configured.
 */
final class ResponderUrls {

    private final Map<String, URI> byIssuer;
    private final Set<URI> allowedAia;

    ResponderUrls(Map<String, URI> byIssuerCommonName, Set<URI> allowedAia) {
        this.byIssuer = Map.copyOf(byIssuerCommonName);
        this.allowedAia = allowedAia.stream().map(ResponderUrls::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** The responder URL, or empty with the reason in {@code why}. */
    Optional<URI> resolve(X509Certificate certificate, X509Certificate issuer, StringBuilder why) {
        String issuerName = SignerIdentity.of(issuer).commonName();
        URI configured = issuerName == null ? null : byIssuer.get(issuerName);
        if (configured != null) {
            return Optional.of(configured);
        }
        List<URI> aia = aiaUrls(certificate);
        for (URI url : aia) {
            if (allowedAia.contains(normalize(url))) {
                return Optional.of(url);
            }
        }
        why.append(aia.isEmpty()
                ? "no responder is configured for issuer '" + issuerName + "' and the certificate names none"
                : "no responder is configured for issuer '" + issuerName + "' and its AIA responder " + aia
                        + " is not allow-listed");
        return Optional.empty();
    }

    /** The URI must be an absolute http or https URL. */
    static URI checked(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("an OCSP responder URL must be an absolute http(s) URL, not '" + url + "'");
        }
        return url;
    }

    static URI normalize(URI url) {
        URI n = url.normalize();
        String scheme = n.getScheme() == null ? null : n.getScheme().toLowerCase(Locale.ROOT);
        String host = n.getHost() == null ? null : n.getHost().toLowerCase(Locale.ROOT);
        try {
            return new URI(scheme, n.getUserInfo(), host, n.getPort(), n.getPath(), n.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            return n;
        }
    }

    /** The id-ad-ocsp URLs of the certificate's AIA extension. */
    static List<URI> aiaUrls(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        List<URI> out = new ArrayList<>();
        if (extension == null) {
            return out;
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets());
            for (AccessDescription d : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                GeneralName name = d.getAccessLocation();
                if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())
                        && name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    out.add(URI.create(name.getName().toString()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        return out;
    }
}
