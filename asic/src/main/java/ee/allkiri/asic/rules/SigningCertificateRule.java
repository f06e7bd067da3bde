package ee.allkiri.asic.rules;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The signed SigningCertificate (or SigningCertificateV2) property must name the certificate
 * that signed (ETSI EN 319 132-1 5.2.2; EN 319 102-1 5.2.3): one of its xades:Cert entries has
 * the digest of the signing certificate. A property that names only other certificates (the
 * signer's CA, say) binds no certificate to the signature, so a certificate with the same key
 * could be put in its place: {@code SIGNING_CERTIFICATE_DIGEST_MISMATCH}. A signature without
 * the property is {@code SIGNING_CERTIFICATE_MISSING}. DSS's default policy lets the first pass
 * when the named certificate is among the signature's own; this rule is allkiri's.
 */
public final class SigningCertificateRule {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    private static final String[] PROPERTIES = {"SigningCertificate", "SigningCertificateV2"};

    private SigningCertificateRule() {
    }

    /**
     * @param signature the ds:Signature element
     * @param signing   the certificate whose key verifies the signature (or the KeyInfo certificate)
     * @param location  the signature file name
     */
    public static List<Finding> check(Element signature, X509Certificate signing, String location) {
        List<Element> certs = new ArrayList<>();
        for (String property : PROPERTIES) {
            NodeList found = signature.getElementsByTagNameNS(XADES, property);
            for (int i = 0; i < found.getLength(); i++) {
                for (Node n = found.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && is(e, XADES, "Cert")) {
                        certs.add(e);
                    }
                }
            }
        }
        if (certs.isEmpty()) {
            return List.of(Finding.of(FindingCode.SIGNING_CERTIFICATE_MISSING, location,
                    "the signature has no SigningCertificate property naming its certificate"));
        }
        for (Element cert : certs) {
            if (names(cert, signing)) {
                return List.of();
            }
        }
        return List.of(Finding.of(FindingCode.SIGNING_CERTIFICATE_DIGEST_MISMATCH, location,
                "no SigningCertificate entry has the digest of the certificate that signed"));
    }

    private static boolean names(Element cert, X509Certificate signing) {
        Element digest = child(cert, XADES, "CertDigest");
        Element method = digest == null ? null : child(digest, DS, "DigestMethod");
        Element value = digest == null ? null : child(digest, DS, "DigestValue");
        if (method == null || value == null) {
            return false;
        }
        try {
            String algorithm = DigestAlgorithm.forXML(method.getAttribute("Algorithm")).getJavaName();
            byte[] expected = Base64.getMimeDecoder().decode(value.getTextContent().trim());
            return MessageDigest.isEqual(expected, MessageDigest.getInstance(algorithm).digest(signing.getEncoded()));
        } catch (IllegalArgumentException | NoSuchAlgorithmException | CertificateEncodingException e) {
            return false;
        }
    }

    private static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, ns, local)) {
                return e;
            }
        }
        return null;
    }

    private static boolean is(Element e, String ns, String local) {
        return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}
