package ee.allkiri.asic.hostile;

import static ee.allkiri.core.FindingCode.LIMIT_ENTRY_SIZE;
import static ee.allkiri.core.FindingCode.MANIFEST_MALFORMED;
import static ee.allkiri.core.FindingCode.SIGNATURE_XML_MALFORMED;

import ee.allkiri.core.FindingCode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Attacks on the XML parsers: DTDs, entities, expansion, depth and size, in signature files and the manifest. */
final class XmlAttacks {

    private static final String XXE = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    private static final String PARAMETER_ENTITY =
            "<!DOCTYPE r [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>";
    private static final String LAUGHS = billionLaughs();

    private XmlAttacks() {
    }

    static List<Attack> all() {
        return List.of(
                signature("signature: a DTD with an internal entity", "<!DOCTYPE r [<!ENTITY e \"entity\">]>", ""),
                signature("signature: an external entity to /etc/passwd (XXE)", XXE, "&xxe;"),
                signature("signature: an external parameter entity", PARAMETER_ENTITY, ""),
                signature("signature: billion laughs", LAUGHS, "&lol9;"),
                manifest("manifest: an external entity to /etc/passwd (XXE)", XXE, "&xxe;"),
                manifest("manifest: billion laughs", LAUGHS, "&lol9;"),
                new Attack("signature: 200,000 nested elements in an Object", SIGNATURE_XML_MALFORMED,
                        () -> Parts.validLt().editSignature(xml -> xml.replace("</ds:Signature>",
                                "<ds:Object>" + nested(200_000) + "</ds:Object></ds:Signature>")).bytes()),
                new Attack("manifest: 200,000 nested elements", MANIFEST_MALFORMED, () -> Parts.validLt()
                        .withManifest(manifestWith("", nested(200_000)).getBytes(StandardCharsets.UTF_8)).bytes()),
                new Attack("signature: 12 MB of base64 as the signer's certificate", FindingCode.SIGNING_CERTIFICATE_MISSING,
                        () -> Parts.validLt().editSignature(xml -> xml.replaceFirst(
                                "<ds:X509Certificate>[^<]*</ds:X509Certificate>",
                                "<ds:X509Certificate>" + randomBase64(9_000_000) + "</ds:X509Certificate>")).bytes()),
                new Attack("signature: a file of 17 MB (over the XML limit)", LIMIT_ENTRY_SIZE,
                        () -> Parts.validLt().editSignature(xml -> xml.replace("</ds:Signature>",
                                "<ds:Object>" + "A".repeat(17 << 20) + "</ds:Object></ds:Signature>")).bytes()));
    }

    private static Attack signature(String name, String doctype, String reference) {
        return new Attack(name, SIGNATURE_XML_MALFORMED, () -> Parts.validLt().editSignature(xml -> {
            int afterDeclaration = xml.indexOf("?>") + 2;
            String withDoctype = xml.substring(0, afterDeclaration) + doctype + xml.substring(afterDeclaration);
            return withDoctype.replace("</ds:SignatureValue>", reference + "</ds:SignatureValue>");
        }).bytes());
    }

    private static Attack manifest(String name, String doctype, String reference) {
        return new Attack(name, MANIFEST_MALFORMED, () -> Parts.validLt()
                .withManifest(manifestWith(doctype, reference).getBytes(StandardCharsets.UTF_8)).bytes());
    }

    /** The valid container's manifest with a DOCTYPE after the declaration and extra content in the root. */
    private static String manifestWith(String doctype, String content) {
        String manifest = new String(Parts.validLt().manifest(), StandardCharsets.UTF_8);
        int afterDeclaration = manifest.indexOf("?>") + 2;
        return manifest.substring(0, afterDeclaration) + doctype
                + manifest.substring(afterDeclaration).replace("</manifest:manifest>", content + "</manifest:manifest>");
    }

    /** Elements nested {@code depth} deep, with random names so that the file does not compress like a bomb. */
    private static String nested(int depth) {
        java.util.Random random = new java.util.Random(depth);
        String[] names = new String[depth];
        StringBuilder b = new StringBuilder(depth * 20);
        for (int i = 0; i < depth; i++) {
            names[i] = "e" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
            b.append('<').append(names[i]).append('>');
        }
        for (int i = depth - 1; i >= 0; i--) {
            b.append("</").append(names[i]).append('>');
        }
        return b.toString();
    }

    /** Base64 text of random bytes, which deflate cannot shrink much. */
    private static String randomBase64(int bytes) {
        byte[] noise = new byte[bytes];
        new java.util.Random(bytes).nextBytes(noise);
        return java.util.Base64.getEncoder().encodeToString(noise);
    }

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("<!DOCTYPE r [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return b.append("]>").toString();
    }
}
