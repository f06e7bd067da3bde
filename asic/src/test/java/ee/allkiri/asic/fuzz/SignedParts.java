package ee.allkiri.asic.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The oracle of the signed-content fuzz test: what a signature file's signature actually binds,
 * computed independently of allkiri. For SignedInfo, its canonical form by the method it names;
 * for SignedProperties, the canonical form (by its reference's transform) of the element the
 * reference's Id resolves to; for the signer's certificate, the certificate its KeyInfo text
 * decodes and parses to.
 * Two files bind the same content exactly when these bytes are equal; {@code null} means the
 * part cannot be found or read (so it is not what was signed). Also finds each part's byte range
 * in the file, where the fuzzer edits.
 */
final class SignedParts {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EXCLUSIVE = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String INCLUSIVE = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    static {
        org.apache.xml.security.Init.init();
    }

    private SignedParts() {
    }

    /** The bound bytes of a region of a signature file, or null when it cannot be found or read. */
    static byte[] bound(byte[] signatureFile, Region region) {
        try {
            Element signature = signature(parse(signatureFile));
            Element signedInfo = signature == null ? null : child(signature, DS, "SignedInfo");
            if (signedInfo == null) {
                return null;
            }
            return switch (region) {
                case SIGNED_INFO -> canonical(signedInfo, attribute(child(signedInfo, DS, "CanonicalizationMethod"), "Algorithm"));
                case SIGNED_PROPERTIES -> signedProperties(signature, signedInfo);
                case SIGNER_CERTIFICATE -> signerCertificate(signature);
                case DATA_FILE -> throw new IllegalArgumentException("a data file is bound as it is");
                default -> throw new IllegalArgumentException(region + " is not signed content");
            };
        } catch (Exception e) {
            return null;
        }
    }

    /** The byte range {start, end} of the region in the file, or null when the text has none. */
    static int[] range(byte[] signatureFile, Region region) {
        String xml = new String(signatureFile, StandardCharsets.ISO_8859_1); // one char per byte: indexes are offsets
        return switch (region) {
            case SIGNED_INFO -> element(xml, "SignedInfo", 0);
            case SIGNED_PROPERTIES -> element(xml, "SignedProperties", 0);
            case SIGNER_CERTIFICATE -> {
                int[] keyInfo = element(xml, "KeyInfo", 0);
                int[] certificate = keyInfo == null ? null : element(xml, "X509Certificate", keyInfo[0]);
                yield certificate == null ? null : new int[] {xml.indexOf('>', certificate[0]) + 1, xml.lastIndexOf("</", certificate[1])};
            }
            case DATA_FILE -> throw new IllegalArgumentException("a data file is an entry of its own");
            default -> throw new IllegalArgumentException(region + " is not signed content: see Evidence");
        };
    }

    /** How many certificate values in the file decode to exactly the signer's certificate. */
    static int copiesOfSignerCertificate(byte[] signatureFile) {
        byte[] signer = bound(signatureFile, Region.SIGNER_CERTIFICATE);
        if (signer == null) {
            return 0;
        }
        Document document = parse(signatureFile);
        int copies = 0;
        for (String local : List.of("X509Certificate", "EncapsulatedX509Certificate")) {
            NodeList list = document.getElementsByTagNameNS("*", local);
            for (int i = 0; i < list.getLength(); i++) {
                if (Arrays.equals(signer, decode(list.item(i).getTextContent()))) {
                    copies++;
                }
            }
        }
        return copies;
    }

    private static byte[] signedProperties(Element signature, Element signedInfo) throws Exception {
        for (Element reference : children(signedInfo, DS, "Reference")) {
            String type = attribute(reference, "Type");
            String uri = attribute(reference, "URI");
            if (type == null || !type.endsWith("#SignedProperties") || uri == null || !uri.startsWith("#")) {
                continue;
            }
            List<Element> targets = new ArrayList<>();
            collectById(signature.getOwnerDocument().getDocumentElement(), uri.substring(1), targets);
            if (targets.size() != 1) {
                return null;
            }
            String method = INCLUSIVE;
            Element transforms = child(reference, DS, "Transforms");
            for (Element transform : transforms == null ? List.<Element>of() : children(transforms, DS, "Transform")) {
                method = attribute(transform, "Algorithm");
            }
            return canonical(targets.get(0), method);
        }
        return null;
    }

    /**
     * The certificate KeyInfo's first X509Certificate parses to, as DER. Not the decoded bytes
     * themselves: an X.509 parser reads one certificate and ignores what follows it, so base64
     * with bits after the certificate (a padding '=' changed to a letter) carries the same one.
     */
    private static byte[] signerCertificate(Element signature) {
        Element keyInfo = child(signature, DS, "KeyInfo");
        NodeList certificates = keyInfo == null ? null : keyInfo.getElementsByTagNameNS(DS, "X509Certificate");
        byte[] der = certificates == null || certificates.getLength() == 0 ? null : decode(certificates.item(0).getTextContent());
        try {
            return der == null ? null : CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)).getEncoded();
        } catch (CertificateException e) {
            return null;
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] canonical(Element element, String method) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(method == null ? EXCLUSIVE : method).canonicalizeSubtree(element, out);
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "100");
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // quiet: fatal errors still throw
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Element signature(Document document) {
        Element root = document.getDocumentElement();
        if (DS.equals(root.getNamespaceURI()) && "Signature".equals(root.getLocalName())) {
            return root;
        }
        return child(root, DS, "Signature");
    }

    private static void collectById(Element element, String id, List<Element> out) {
        if (id.equals(attribute(element, "Id"))) {
            out.add(element);
        }
        for (Element child : children(element, null, null)) {
            collectById(child, id, out);
        }
    }

    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (local == null || (ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String ns, String local) {
        List<Element> found = children(parent, ns, local);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String attribute(Element e, String name) {
        return e != null && e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** The first element named {@code local} (any prefix) from {@code from}: {start of start tag, end of end tag}. */
    private static int[] element(String xml, String local, int from) {
        Matcher start = Pattern.compile("<([\\w.-]+:)?" + local + "[\\s>/]").matcher(xml);
        if (!start.find(from)) {
            return null;
        }
        String prefix = start.group(1) == null ? "" : start.group(1);
        int end = xml.indexOf("</" + prefix + local + ">", start.start());
        return end < 0 ? null : new int[] {start.start(), end + prefix.length() + local.length() + 3};
    }
}
