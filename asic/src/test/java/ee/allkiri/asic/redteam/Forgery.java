package ee.allkiri.asic.redteam;

import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.OcspResponder;
import ee.allkiri.testkit.service.OcspStatus;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.XadesSigner;
import ee.allkiri.testkit.xades.XmlNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the attack catalogues forge with: the hostile-input tests' test PKI and personas,
 * signatures written (and their signed parts changed before signing) by the testkit, element
 * trees to edit the unsigned parts on, and containers in digidoc4j's layout.
 */
final class Forgery {

    static final TestPki PKI = Hostile.PKI;
    static final Instant EPOCH = PKI.epoch();
    static final String DS = XmlNode.NAMESPACES.get("ds");
    static final String XADES = XmlNode.NAMESPACES.get("xades");
    static final String ATTACKER = "urn:allkiri:red-team";

    private static final XadesSigner SIGNER = new XadesSigner(PKI);

    private Forgery() {
    }

    static Personas personas() {
        return Hostile.FORGE.personas();
    }

    /** The ID-card signer most attacks sign as. */
    static Persona signer() {
        return personas().idCard();
    }

    /** The test document. */
    static DataFile doc() {
        return Hostile.FORGE.document();
    }

    static SignatureSpec.Builder spec(Persona persona, DataFile... files) {
        return Hostile.FORGE.spec(persona, files);
    }

    /** The signature file as a tree ({@code asic:XAdESSignatures}), to edit its unsigned parts. */
    static XmlNode tree(SignatureSpec spec) {
        return SIGNER.signature(spec);
    }

    /** The signature file as a tree, its signed parts changed by the hook before signing. */
    static XmlNode tree(SignatureSpec spec, SigningHook hook) {
        return SIGNER.signature(spec, hook);
    }

    static byte[] sign(SignatureSpec spec) {
        return SIGNER.sign(spec);
    }

    /** A container of these files (and a manifest of them) with the signature files. */
    static byte[] container(List<DataFile> files, List<byte[]> signatures) {
        return ContainerForge.layout(files, Manifest.of(files), signatures).toBytes();
    }

    /** A container of these files with one signature file given as a tree. */
    static byte[] container(List<DataFile> files, XmlNode signature) {
        return container(files, List.of(signature.document()));
    }

    /** A container of one file with one signature file given as text. */
    static byte[] container(DataFile file, String signature) {
        return container(List.of(file), List.of(signature.getBytes(StandardCharsets.UTF_8)));
    }

    /** The test document signed LT by the ID-card signer, as text, edited. */
    static byte[] editedLt(java.util.function.UnaryOperator<String> edit) {
        return container(doc(), edit.apply(text(sign(spec(signer(), doc()).build()))));
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    static String text(XmlNode node) {
        return new String(node.canonical(), StandardCharsets.UTF_8);
    }

    // ---- the parts of a signature tree ----

    static XmlNode signature(XmlNode root) {
        return root.child("ds:Signature");
    }

    static XmlNode keyInfo(XmlNode root) {
        return signature(root).child("ds:KeyInfo");
    }

    static XmlNode signedInfo(XmlNode root) {
        return signature(root).child("ds:SignedInfo");
    }

    static XmlNode object(XmlNode root) {
        return signature(root).child("ds:Object");
    }

    static XmlNode qualifying(XmlNode root) {
        return object(root).child("xades:QualifyingProperties");
    }

    static XmlNode signedProperties(XmlNode root) {
        return qualifying(root).child("xades:SignedProperties");
    }

    static XmlNode signedSignatureProperties(XmlNode root) {
        return signedProperties(root).child("xades:SignedSignatureProperties");
    }

    static XmlNode unsignedProperties(XmlNode root) {
        return qualifying(root).child("xades:UnsignedProperties");
    }

    static XmlNode unsignedSignatureProperties(XmlNode root) {
        return unsignedProperties(root).child("xades:UnsignedSignatureProperties");
    }

    /** The first element with the name anywhere under the node (depth first), or null. */
    static XmlNode find(XmlNode node, String name) {
        for (XmlNode child : node.elements()) {
            if (child.qualifiedName().equals(name)) {
                return child;
            }
            XmlNode below = find(child, name);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    /** The element that holds {@code target} directly, or null. */
    static XmlNode parentOf(XmlNode node, XmlNode target) {
        for (XmlNode child : node.elements()) {
            if (child == target) {
                return node;
            }
            XmlNode found = parentOf(child, target);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A second ds:Object at the end of the signature holding the element. */
    static void addObject(XmlNode root, XmlNode content) {
        signature(root).add(el("ds:Object").add(content));
    }

    /** An attacker's element (in the attacker's namespace) holding the content. */
    static XmlNode attacker(String local, XmlNode... content) {
        return XmlNode.ns("evil:" + local, ATTACKER).add(content);
    }

    // ---- evidence ----

    /** A DER OCSP response about the persona's certificate from its CA's responder. */
    static byte[] ocsp(Persona persona, OcspStatus status, Instant producedAt) {
        return new OcspResponder(PKI.ocspResponder(persona)).respond(persona.certificate(), persona.issuer().certificate(),
                status, producedAt, null);
    }

    /** xades:EncapsulatedOCSPValue of a response. */
    static XmlNode ocspValue(byte[] der) {
        return el("xades:EncapsulatedOCSPValue", base64(der));
    }

    /** The OCSPValues element of the signature's RevocationValues. */
    static XmlNode ocspValues(XmlNode root) {
        return unsignedSignatureProperties(root).child("xades:RevocationValues").child("xades:OCSPValues");
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The files, each replaced by the one of the same name from {@code changed}. */
    static List<DataFile> replaced(List<DataFile> files, DataFile... changed) {
        List<DataFile> out = new ArrayList<>();
        for (DataFile f : files) {
            DataFile replacement = f;
            for (DataFile c : changed) {
                if (c.name().equals(f.name())) {
                    replacement = c;
                }
            }
            out.add(replacement);
        }
        return out;
    }
}
