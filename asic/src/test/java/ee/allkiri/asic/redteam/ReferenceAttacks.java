package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.find;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.utf8;
import static ee.allkiri.core.FindingCode.REFERENCE_DIGEST_MISMATCH;
import static ee.allkiri.core.FindingCode.REFERENCE_NOT_FOUND;
import static ee.allkiri.core.FindingCode.REFERENCE_UNSUPPORTED;
import static ee.allkiri.core.FindingCode.SIGNATURE_STRUCTURE_INVALID;
import static ee.allkiri.core.FindingCode.SIGNED_PROPERTIES_MULTIPLE;
import static ee.allkiri.core.FindingCode.SIGNED_PROPERTIES_REFERENCE;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.Tamper;
import ee.allkiri.testkit.xades.XmlNode;
import java.util.List;
import java.util.function.Supplier;

/**
 * (f) XML signature wrapping beyond the hostile-input corpus: references that are validly
 * signed but do not resolve to exactly one container file or to the SignedProperties
 * (transforms on a file reference that let the file change, a URI that percent-decodes to
 * another entry, same-document targets other than the SignedProperties, no URI), and Id
 * collisions through {@code xml:id} and {@code wsu:Id}.
 *
 * <p>Expected codes: a reference allkiri cannot resolve to exactly one file or to the
 * SignedProperties is {@code REFERENCE_UNSUPPORTED}; the URI that decodes to a changed entry is
 * {@code REFERENCE_DIGEST_MISMATCH} naming that entry (the reference resolves, by its decoded
 * URI, to a file whose digest differs); two SignedProperties are the existing
 * {@code SIGNED_PROPERTIES_MULTIPLE}; an attacker's element in ds:KeyInfo is
 * {@code SIGNATURE_STRUCTURE_INVALID}.
 */
final class ReferenceAttacks {

    static final String FAMILY = "f. references and Ids";
    static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    static final String BASE64 = "http://www.w3.org/2000/09/xmldsig#base64";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String MANIFEST_TYPE = "http://www.w3.org/2000/09/xmldsig#Manifest";
    static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private ReferenceAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("an XPath filter transform on the file reference; an element added to the file outside the filter",
                        REFERENCE_UNSUPPORTED, ReferenceAttacks::xpathFiltered),
                attack("an enveloped-signature transform on the file reference; a comment added to the file",
                        REFERENCE_UNSUPPORTED, ReferenceAttacks::envelopedOnFile),
                RedTeamAttack.naming(FAMILY, "the URI lisa%201.txt decodes to the changed entry 'lisa 1.txt'; "
                        + "an entry literally named 'lisa%201.txt' holds the signed content", REFERENCE_DIGEST_MISMATCH,
                        "lisa 1.txt", ReferenceAttacks::percentDecoding),
                attack("a base64 transform on the file reference; the file is the base64 text of what was signed",
                        REFERENCE_UNSUPPORTED, ReferenceAttacks::base64OnFile),
                attack("the SignedProperties reference filters out SignaturePolicyIdentifier (XPath); the BDOC policy "
                        + "added in its place after signing", REFERENCE_UNSUPPORTED, ReferenceAttacks::policyFilteredOut),
                attack("the SignedProperties reference filters out SigningCertificate (XPath), which names the CA; "
                        + "replaced in its place by one naming the signer", REFERENCE_UNSUPPORTED,
                        ReferenceAttacks::signingCertificateFilteredOut),
                attack("the SignedProperties-typed reference covers only SignedSignatureProperties; the MimeType changed "
                        + "after signing to the manifest's", SIGNED_PROPERTIES_REFERENCE,
                        ReferenceAttacks::onlySignedSignatureProperties),
                attack("a signed same-document reference to ds:KeyInfo", REFERENCE_UNSUPPORTED, ReferenceAttacks::toKeyInfo),
                attack("the file reference has no URI", REFERENCE_UNSUPPORTED, ReferenceAttacks::withoutUri),
                attack("a signed reference with URI=\"\" (the signature document, enveloped)", REFERENCE_UNSUPPORTED,
                        ReferenceAttacks::wholeDocument),
                // a second ds:Object is refused by the reader before any reference to it is followed
                attack("a signed reference to a ds:Object holding text the signer 'agreed' to", SIGNATURE_STRUCTURE_INVALID,
                        ReferenceAttacks::toObject),
                attack("the file is referenced only through a signed ds:Manifest; the file changed", SIGNATURE_STRUCTURE_INVALID,
                        ReferenceAttacks::throughManifest),
                attack("the file reference typed as SignedProperties, the SignedProperties reference untyped",
                        REFERENCE_UNSUPPORTED, ReferenceAttacks::typesSwapped),
                attack("the file reference names an absolute http URI (the file's digest)", REFERENCE_NOT_FOUND,
                        ReferenceAttacks::absoluteUri),
                attack("a forged SignedProperties in place with xml:id of the reference; the signed one in a second ds:Object",
                        SIGNED_PROPERTIES_MULTIPLE, () -> forgedInPlace("xml:id")),
                attack("a forged SignedProperties in place with wsu:Id of the reference; the signed one in a second ds:Object",
                        SIGNED_PROPERTIES_MULTIPLE, () -> forgedInPlace("wsu:Id")),
                attack("an attacker's element with xml:id equal to the SignedProperties' Id, in ds:KeyInfo",
                        SIGNATURE_STRUCTURE_INVALID, () -> collidingInKeyInfo("xml:id")),
                attack("an attacker's element with wsu:Id equal to the SignedProperties' Id, in ds:KeyInfo",
                        SIGNATURE_STRUCTURE_INVALID, () -> collidingInKeyInfo("wsu:Id")));
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    /** A hook that edits ds:SignedInfo only. */
    private interface InfoEdit {
        void edit(XmlNode signedInfo, XmlNode keyInfo);
    }

    private static XmlNode signed(DataFile file, InfoEdit edit) {
        return tree(spec(signer(), file).build(), new SigningHook() {
            @Override
            public void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec spec) {
                edit.edit(signedInfo, keyInfo);
            }
        });
    }

    private static XmlNode fileReference(XmlNode signedInfo) {
        return find(signedInfo, "ds:Reference");
    }

    private static XmlNode transforms(XmlNode... transforms) {
        return el("ds:Transforms").add(transforms);
    }

    private static XmlNode transform(String algorithm) {
        return el("ds:Transform").attr("Algorithm", algorithm);
    }

    private static XmlNode sameDocumentReference(String uri, String type, byte[] canonical) {
        return el("ds:Reference").attr("Type", type).attr("URI", uri).add(transforms(transform(EXC_C14N)),
                el("ds:DigestMethod").attr("Algorithm", SHA256), el("ds:DigestValue", Forgery.base64(Forgery.sha256(canonical))));
    }

    private static byte[] xpathFiltered() {
        DataFile signed = DataFile.of("terms.xml", "application/xml", utf8("<doc><a>I agree to pay 10 EUR.</a></doc>"));
        XmlNode root = signed(signed, (info, keyInfo) -> fileReference(info).insert(0,
                transforms(transform(XPATH).add(el("ds:XPath", "not(ancestor-or-self::b)")))));
        DataFile changed = signed.withContent(utf8("<doc><a>I agree to pay 10 EUR.</a><b>I agree to pay 1000 EUR.</b></doc>"));
        return container(List.of(changed), root);
    }

    private static byte[] envelopedOnFile() {
        DataFile signed = DataFile.of("terms.xml", "application/xml", utf8("<doc>I agree to pay 10 EUR.</doc>"));
        XmlNode root = signed(signed, (info, keyInfo) -> fileReference(info).insert(0, transforms(transform(ENVELOPED))));
        DataFile changed = signed.withContent(utf8("<?xml version=\"1.0\"?>\n<!-- and 1000 EUR more -->\n"
                + "<doc>I agree to pay 10 EUR.</doc>"));
        return container(List.of(changed), root);
    }

    private static byte[] base64OnFile() {
        DataFile signed = DataFile.text("terms.txt", "I agree to pay 10 EUR.\n");
        XmlNode root = signed(signed, (info, keyInfo) -> fileReference(info).insert(0, transforms(transform(BASE64))));
        return container(List.of(signed.withContent(utf8(Forgery.base64(signed.content())))), root);
    }

    /** A SigningHook that signs the SignedProperties through an XPath filter that leaves out one property. */
    private static SigningHook filteringOut(String local) {
        return new SigningHook() {
            private XmlNode properties;

            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                properties = signedProperties;
            }

            @Override
            public void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec spec) {
                XmlNode filtered = properties.copy();
                XmlNode left = find(filtered, "xades:" + local);
                if (left != null) {
                    Forgery.parentOf(filtered, left).remove(left);
                }
                for (XmlNode reference : signedInfo.elements()) {
                    if (SIGNED_PROPERTIES_TYPE.equals(reference.attribute("Type"))) {
                        reference.replace(reference.child("ds:Transforms"), transforms(
                                transform(XPATH).add(el("ds:XPath", "not(ancestor-or-self::*[local-name()='" + local + "'])")),
                                transform(EXC_C14N)));
                        reference.replace(reference.child("ds:DigestValue"),
                                el("ds:DigestValue", Forgery.base64(Forgery.sha256(filtered.canonical()))));
                    }
                }
            }
        };
    }

    private static byte[] policyFilteredOut() {
        Persona persona = Forgery.personas().plainIdCard();
        XmlNode bdoc = find(Forgery.signedSignatureProperties(tree(spec(persona, doc()).level(Level.LT_TM).build())),
                "xades:SignaturePolicyIdentifier").copy();
        XmlNode root = tree(spec(persona, doc()).level(Level.LT_TM).policy(false).build(),
                filteringOut("SignaturePolicyIdentifier"));
        Forgery.signedSignatureProperties(root).add(bdoc);
        return container(List.of(doc()), root);
    }

    private static byte[] signingCertificateFilteredOut() {
        XmlNode root = tree(spec(signer(), doc()).tamper(Tamper.SIGNING_CERTIFICATE_OF_ISSUER).build(),
                filteringOut("SigningCertificate"));
        XmlNode ssp = Forgery.signedSignatureProperties(root);
        ssp.replace(ssp.child("xades:SigningCertificate"), MisplacedPropertyAttacks.signingCertificateOf(signer()));
        return container(List.of(doc()), root);
    }

    private static byte[] onlySignedSignatureProperties() {
        XmlNode root = tree(spec(signer(), doc()).build(), new SigningHook() {
            private XmlNode ssp;

            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                ssp = signedProperties.child("xades:SignedSignatureProperties").attr("Id", "ssp-S0");
            }

            @Override
            public void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec spec) {
                for (XmlNode reference : signedInfo.elements()) {
                    if (SIGNED_PROPERTIES_TYPE.equals(reference.attribute("Type"))) {
                        reference.setAttribute("URI", "#ssp-S0");
                        reference.replace(reference.child("ds:DigestValue"),
                                el("ds:DigestValue", Forgery.base64(Forgery.sha256(ssp.canonical()))));
                    }
                }
            }
        });
        XmlNode format = find(Forgery.signedProperties(root), "xades:DataObjectFormat");
        format.replace(format.child("xades:MimeType"), el("xades:MimeType", "text/html"));
        return container(List.of(doc().withMimeType("text/html")), root);
    }

    private static byte[] percentDecoding() {
        DataFile signed = DataFile.text("lisa 1.txt", "I agree to pay 10 EUR.\n");
        XmlNode root = tree(spec(signer(), signed).build());
        DataFile changed = signed.withContent(utf8("I agree to pay 1000 EUR.\n"));
        DataFile literal = DataFile.text("lisa%201.txt", "I agree to pay 10 EUR.\n");
        return container(List.of(changed, literal), root);
    }

    private static byte[] toKeyInfo() {
        XmlNode root = signed(doc(), (info, keyInfo) -> {
            keyInfo.attr("Id", "KI-S0");
            info.add(sameDocumentReference("#KI-S0", null, keyInfo.canonical()));
        });
        return container(List.of(doc()), root);
    }

    private static byte[] withoutUri() {
        XmlNode root = signed(doc(), (info, keyInfo) -> fileReference(info).setAttribute("URI", null));
        return container(List.of(doc()), root);
    }

    private static byte[] wholeDocument() {
        byte[] withoutSignature = utf8("<asic:XAdESSignatures xmlns:asic=\"" + XmlNode.NAMESPACES.get("asic")
                + "\"></asic:XAdESSignatures>");
        XmlNode root = signed(doc(), (info, keyInfo) -> info.add(el("ds:Reference").attr("URI", "").add(
                transforms(transform(ENVELOPED), transform(EXC_C14N)), el("ds:DigestMethod").attr("Algorithm", SHA256),
                el("ds:DigestValue", Forgery.base64(Forgery.sha256(withoutSignature))))));
        return container(List.of(doc()), root);
    }

    private static byte[] toObject() {
        XmlNode object = el("ds:Object").attr("Id", "agreement").text("I agree to pay 1000 EUR.");
        XmlNode root = signed(doc(), (info, keyInfo) -> info.add(sameDocumentReference("#agreement", null, object.canonical())));
        Forgery.signature(root).add(object);
        return container(List.of(doc()), root);
    }

    private static byte[] throughManifest() {
        DataFile signed = doc();
        XmlNode manifest = el("ds:Manifest").attr("Id", "files").add(el("ds:Reference").attr("URI", signed.name()).add(
                el("ds:DigestMethod").attr("Algorithm", SHA256), el("ds:DigestValue", Forgery.base64(signed.sha256()))));
        XmlNode root = signed(signed, (info, keyInfo) -> info.replace(fileReference(info),
                sameDocumentReference("#files", MANIFEST_TYPE, manifest.canonical())));
        Forgery.signature(root).add(el("ds:Object").add(manifest));
        return container(List.of(signed.withContent(utf8("a changed document\n"))), root);
    }

    private static byte[] typesSwapped() {
        XmlNode root = signed(doc(), (info, keyInfo) -> {
            fileReference(info).setAttribute("Type", SIGNED_PROPERTIES_TYPE);
            for (XmlNode reference : info.elements()) {
                if (reference.attribute("URI") != null && reference.attribute("URI").startsWith("#")) {
                    reference.setAttribute("Type", null);
                }
            }
        });
        return container(List.of(doc()), root);
    }

    private static byte[] absoluteUri() {
        XmlNode root = signed(doc(), (info, keyInfo) -> fileReference(info).setAttribute("URI", "http://attacker.invalid/test.txt"));
        return container(List.of(doc()), root);
    }

    /** The signed SignedProperties moved to a second ds:Object; a forged one, identified by another Id attribute, in its place. */
    private static byte[] forgedInPlace(String idAttribute) {
        XmlNode root = tree(spec(signer(), doc()).build());
        XmlNode original = Forgery.signedProperties(root);
        String id = original.attribute("Id");
        XmlNode forged = original.copy().setAttribute("Id", null);
        XmlNode ssp = forged.child("xades:SignedSignatureProperties");
        ssp.replace(ssp.child("xades:SigningTime"), el("xades:SigningTime", "2001-01-01T00:00:00Z"));
        identify(forged, idAttribute, id);
        Forgery.qualifying(root).replace(original, forged);
        Forgery.addObject(root, Forgery.attacker("Archive", original));
        return container(List.of(doc()), root);
    }

    private static byte[] collidingInKeyInfo(String idAttribute) {
        XmlNode root = tree(spec(signer(), doc()).build());
        XmlNode attacker = Forgery.attacker("Properties").text("forged");
        identify(attacker, idAttribute, Forgery.signedProperties(root).attribute("Id"));
        Forgery.keyInfo(root).insert(0, attacker);
        return container(List.of(doc()), root);
    }

    private static void identify(XmlNode element, String attribute, String id) {
        if (attribute.startsWith("wsu:")) {
            element.attr("xmlns:wsu", WSU);
        }
        element.attr(attribute, id);
    }
}
