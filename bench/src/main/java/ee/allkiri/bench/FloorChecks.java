package ee.allkiri.bench;

import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.Selector;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Takes from every XAdES signature of an ASiC-E container the public-key verifications that
 * verifying it requires and that no other signature can share (the CA, responder and TSA
 * certificates' own chains are the same for every signature, so a verifier checks them once):
 *
 * <ol>
 *   <li>{@code ds:SignatureValue} over the canonical {@code ds:SignedInfo}, with the signer's key
 *       (the first {@code ds:X509Certificate} of {@code ds:KeyInfo});</li>
 *   <li>the signer certificate's signature, with its issuer's key (the anchor or carried
 *       certificate whose subject is the certificate's issuer and, when both say, whose subject key
 *       identifier is the certificate's authority key identifier);</li>
 *   <li>the {@code BasicOCSPResponse} of {@code xades:RevocationValues} about the signer
 *       certificate, with the responder's key (the response's certificate or anchor its
 *       {@code ResponderID} names);</li>
 *   <li>the {@code xades:SignatureTimeStamp} token's {@code SignerInfo} signature over its signed
 *       attributes, with the time-stamping unit's key (the token's certificate or anchor its
 *       {@code SignerIdentifier} names).</li>
 * </ol>
 *
 * Keys are converted to the given provider's key objects here, outside any timing, one object per
 * distinct key (a verifier may keep a key, as allkiri keeps its CA, responder and time-stamping
 * unit keys, and Bouncy Castle then reuses the multiples of the point it precomputed for it: for a
 * P-521 CA key that halves the certificate check). A part a
 * signature does not have is named in {@link SignatureChecks#lacks()}; an algorithm this class
 * cannot name, or a part it cannot take apart, is an exception (the floor would be wrong).
 */
final class FloorChecks {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    /** XMLDSig signature methods, with ECDSA values as r||s ({@code PLAIN-ECDSA}), as allkiri verifies them. */
    private static final Map<String, String> XML_SIGNATURES = Map.of(
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "SHA256withPLAIN-ECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "SHA384withPLAIN-ECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "SHA512withPLAIN-ECDSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA");

    /** Certificate, OCSP and CMS signature algorithms by OID. */
    private static final Map<String, String> SIGNATURE_OIDS = Map.of(
            "1.2.840.10045.4.3.2", "SHA256withECDSA",
            "1.2.840.10045.4.3.3", "SHA384withECDSA",
            "1.2.840.10045.4.3.4", "SHA512withECDSA",
            "1.2.840.113549.1.1.11", "SHA256withRSA",
            "1.2.840.113549.1.1.12", "SHA384withRSA",
            "1.2.840.113549.1.1.13", "SHA512withRSA");

    private static final Map<String, String> DIGEST_OIDS = Map.of(
            "2.16.840.1.101.3.4.2.1", "SHA256",
            "2.16.840.1.101.3.4.2.2", "SHA384",
            "2.16.840.1.101.3.4.2.3", "SHA512");

    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    /** The verifications of one signature ({@code file#n}), and the parts it lacks. */
    record SignatureChecks(String signature, List<KeyCheck> checks, List<String> lacks) {
    }

    private final List<X509Certificate> anchors;
    private final Provider provider;
    private final CertificateFactory certificates;
    /** The provider's key object of each distinct key (by its X.509 encoding). */
    private final Map<java.nio.ByteBuffer, PublicKey> keys = new java.util.HashMap<>();

    FloorChecks(List<X509Certificate> anchors, Provider provider) throws GeneralSecurityException {
        this.anchors = List.copyOf(anchors);
        this.provider = provider;
        this.certificates = CertificateFactory.getInstance("X.509");
    }

    /** How many distinct keys the extracted verifications use (after {@link #extract}). */
    int distinctKeys() {
        return keys.size();
    }

    /** The verifications of every signature of the container, in the container's order. */
    List<SignatureChecks> extract(Path container) throws Exception {
        List<SignatureChecks> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(container.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (!name.startsWith("META-INF/") || !name.contains("signatures") || !name.endsWith(".xml")) {
                    continue;
                }
                Document document;
                try (InputStream in = zip.getInputStream(entry)) {
                    document = parser().parse(in);
                }
                NodeList signatures = document.getElementsByTagNameNS(DS, "Signature");
                for (int i = 0; i < signatures.getLength(); i++) {
                    out.add(signature(name + "#" + i, (Element) signatures.item(i)));
                }
            }
        }
        return out;
    }

    private SignatureChecks signature(String name, Element signature) throws Exception {
        List<KeyCheck> checks = new ArrayList<>();
        List<String> lacks = new ArrayList<>();
        List<X509Certificate> carried = new ArrayList<>();
        X509Certificate signer = null;
        for (Element c : descendants(signature, DS, "X509Certificate")) {
            X509Certificate certificate = certificate(base64(c));
            carried.add(certificate);
            if (signer == null && parent(c, "X509Data") && parent((Element) c.getParentNode(), "KeyInfo")) {
                signer = certificate;
            }
        }
        for (Element c : descendants(signature, "*", "EncapsulatedX509Certificate")) {
            carried.add(certificate(base64(c)));
        }
        BasicOCSPResp ocsp = signer == null ? null : ocsp(signature, signer);
        CMSSignedData token = token(signature);
        if (ocsp != null) {
            for (X509CertificateHolder h : ocsp.getCerts()) {
                carried.add(certificate(h.getEncoded()));
            }
        }
        if (token != null) {
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                carried.add(certificate(h.getEncoded()));
            }
        }
        if (signer == null) {
            lacks.add("signer certificate in ds:KeyInfo (so no signature value and no certificate check)");
        } else {
            checks.add(signatureValue(signature, signer));
            X509Certificate issuer = issuer(signer, carried);
            if (issuer == null) {
                lacks.add("the signer certificate's issuer (" + signer.getIssuerX500Principal() + ")");
            } else {
                checks.add(new KeyCheck("signer certificate", algorithm(signer.getSigAlgOID()), key(issuer),
                        signer.getTBSCertificate(), signer.getSignature()));
            }
        }
        if (ocsp == null) {
            lacks.add("an OCSP response about the signer certificate in xades:RevocationValues");
        } else {
            X509Certificate responder = responder(ocsp, carried);
            if (responder == null) {
                lacks.add("the OCSP responder's certificate");
            } else {
                checks.add(new KeyCheck("OCSP response", algorithm(ocsp.getSignatureAlgOID().getId()), key(responder),
                        ocsp.getTBSResponseData(), ocsp.getSignature()));
            }
        }
        if (token == null) {
            lacks.add("a xades:SignatureTimeStamp");
        } else {
            checks.add(timestamp(token, carried));
        }
        return new SignatureChecks(name, List.copyOf(checks), List.copyOf(lacks));
    }

    private KeyCheck signatureValue(Element signature, X509Certificate signer) throws Exception {
        Element info = child(signature, DS, "SignedInfo");
        String c14n = child(info, DS, "CanonicalizationMethod").getAttribute("Algorithm");
        String method = child(info, DS, "SignatureMethod").getAttribute("Algorithm");
        String algorithm = XML_SIGNATURES.get(method);
        if (algorithm == null) {
            throw new IllegalStateException("signature method " + method + " has no JCA name here");
        }
        byte[] canonical = XMLCanonicalizer.createInstance(c14n).canonicalize(info);
        return new KeyCheck("signature value", algorithm, key(signer), canonical,
                base64(child(signature, DS, "SignatureValue")));
    }

    /** The OCSP response of xades:RevocationValues about the signer certificate's serial number. */
    private static BasicOCSPResp ocsp(Element signature, X509Certificate signer) throws Exception {
        for (Element value : descendants(signature, "*", "EncapsulatedOCSPValue")) {
            if (!parent(value, "OCSPValues") || !parent((Element) value.getParentNode(), "RevocationValues")) {
                continue;
            }
            BasicOCSPResp basic = basicOcsp(base64(value));
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().getSerialNumber().equals(signer.getSerialNumber())) {
                    return basic;
                }
            }
        }
        return null;
    }

    private static BasicOCSPResp basicOcsp(byte[] der) throws Exception {
        try {
            return (BasicOCSPResp) new OCSPResp(der).getResponseObject();
        } catch (Exception notAnOcspResponse) {
            return new BasicOCSPResp(BasicOCSPResponse.getInstance(der));
        }
    }

    private static CMSSignedData token(Element signature) throws Exception {
        for (Element stamp : descendants(signature, "*", "EncapsulatedTimeStamp")) {
            if (parent(stamp, "SignatureTimeStamp")) {
                return new CMSSignedData(base64(stamp));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private KeyCheck timestamp(CMSSignedData token, List<X509Certificate> carried) throws Exception {
        SignerInformation signer = token.getSignerInfos().getSigners().iterator().next();
        String digest = DIGEST_OIDS.get(signer.getDigestAlgOID());
        String encryption = signer.getEncryptionAlgOID();
        String algorithm = SIGNATURE_OIDS.containsKey(encryption) ? SIGNATURE_OIDS.get(encryption)
                : digest != null && encryption.equals(EC_PUBLIC_KEY) ? digest + "withECDSA"
                : digest != null && encryption.equals(RSA_ENCRYPTION) ? digest + "withRSA" : null;
        if (algorithm == null || signer.getEncodedSignedAttributes() == null) {
            throw new IllegalStateException("time-stamp token signed with " + encryption + " / " + signer.getDigestAlgOID()
                    + (signer.getEncodedSignedAttributes() == null ? " without signed attributes" : ""));
        }
        Collection<X509CertificateHolder> inToken = token.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
        X509Certificate unit = inToken.isEmpty() ? null : certificate(inToken.iterator().next().getEncoded());
        for (X509Certificate c : unit == null ? anchors : List.<X509Certificate>of()) {
            if (signer.getSID().match(new X509CertificateHolder(c.getEncoded()))) {
                unit = c;
                break;
            }
        }
        if (unit == null) {
            throw new IllegalStateException("no certificate of the time-stamping unit " + signer.getSID().getIssuer());
        }
        return new KeyCheck("time-stamp token", algorithm, key(unit), signer.getEncodedSignedAttributes(), signer.getSignature());
    }

    /** The anchor or carried certificate whose subject is the certificate's issuer (and key identifier its AKI). */
    private X509Certificate issuer(X509Certificate certificate, List<X509Certificate> carried) {
        byte[] aki = keyIdentifier(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId()), true);
        for (X509Certificate c : concat(anchors, carried)) {
            if (!c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            byte[] ski = keyIdentifier(c.getExtensionValue(Extension.subjectKeyIdentifier.getId()), false);
            if (aki == null || ski == null || Arrays.equals(aki, ski)) {
                return c;
            }
        }
        return null;
    }

    /** The certificate the response's ResponderID names: by name or by the SHA-1 of its key. */
    private X509Certificate responder(BasicOCSPResp ocsp, List<X509Certificate> carried) throws Exception {
        ResponderID id = ResponderID.getInstance(ocsp.getResponderId().toASN1Primitive());
        for (X509Certificate c : concat(carried, anchors)) {
            if (id.getName() != null) {
                if (X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).equals(id.getName())) {
                    return c;
                }
            } else {
                byte[] keyBits = SubjectPublicKeyInfo.getInstance(c.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
                if (Arrays.equals(MessageDigest.getInstance("SHA-1").digest(keyBits), id.getKeyHash())) {
                    return c;
                }
            }
        }
        return null;
    }

    private static byte[] keyIdentifier(byte[] extension, boolean authority) {
        if (extension == null) {
            return null;
        }
        byte[] inner = ASN1OctetString.getInstance(extension).getOctets();
        return authority ? org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(inner).getKeyIdentifier()
                : ASN1OctetString.getInstance(inner).getOctets();
    }

    private static String algorithm(String oid) {
        String name = SIGNATURE_OIDS.get(oid);
        if (name == null) {
            throw new IllegalStateException("signature algorithm " + oid + " has no JCA name here");
        }
        return name;
    }

    /** The key as the provider's own key object, one object per distinct key. */
    private PublicKey key(X509Certificate certificate) throws GeneralSecurityException {
        byte[] encoded = certificate.getPublicKey().getEncoded();
        PublicKey known = keys.get(java.nio.ByteBuffer.wrap(encoded));
        if (known == null) {
            known = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm(), provider)
                    .generatePublic(new X509EncodedKeySpec(encoded));
            keys.put(java.nio.ByteBuffer.wrap(encoded), known);
        }
        return known;
    }

    private X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) certificates.generateCertificate(new ByteArrayInputStream(der));
    }

    private static List<X509Certificate> concat(List<X509Certificate> a, List<X509Certificate> b) {
        List<X509Certificate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }

    private static List<Element> descendants(Element under, String namespace, String localName) {
        NodeList list = under.getElementsByTagNameNS(namespace, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException(parent.getLocalName() + " has no " + localName);
    }

    private static boolean parent(Element element, String localName) {
        return element.getParentNode() instanceof Element p && localName.equals(p.getLocalName());
    }

    private static byte[] base64(Element element) {
        return Base64.getMimeDecoder().decode(element.getTextContent().trim());
    }
}
