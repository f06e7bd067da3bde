package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.find;
import static ee.allkiri.asic.redteam.Forgery.keyInfo;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.signedSignatureProperties;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.unsignedProperties;
import static ee.allkiri.asic.redteam.Forgery.unsignedSignatureProperties;
import static ee.allkiri.core.FindingCode.SIGNATURE_STRUCTURE_INVALID;
import static ee.allkiri.core.FindingCode.TM_POLICY_IDENTIFIER;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.Tamper;
import ee.allkiri.testkit.xades.XmlNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * (b) A signed property must be read in its place,
 * {@code QualifyingProperties/SignedProperties/...}; an unsigned copy elsewhere must never
 * satisfy a rule. Each attack signs a signature whose signed property is absent or says
 * something the rule must refuse, and puts a copy that would satisfy it where a reader that
 * searches the whole signature finds it.
 *
 * <p>Expected codes: where the copy is out of its place in the XMLDSig/XAdES structure (among
 * the unsigned signature properties, in a second ds:Object, in ds:KeyInfo) the defect that makes
 * the attack possible is that element out of place, {@code SIGNATURE_STRUCTURE_INVALID}; the
 * rule's own code (the signed SigningCertificate naming another certificate, the missing BDOC
 * policy) may accompany it. Where the copy sits in a place XAdES allows, inside a valid
 * counter-signature's own signed properties, the structure is sound and the rule's own code must
 * name the defect.
 */
final class MisplacedPropertyAttacks {

    static final String FAMILY = "b. signed properties in their place";
    /** A policy OID under an arc no standard assigns: not the BDOC 2.1 policy. */
    static final String OTHER_POLICY = "1.3.6.1.4.1.99999.1000.1";

    private MisplacedPropertyAttacks() {
    }

    /** Where an unsigned copy is put. */
    private enum Place {
        UNSIGNED_SIGNATURE_PROPERTIES("among the unsigned signature properties",
                (root, copy) -> unsignedSignatureProperties(root).insert(0, copy)),
        SECOND_OBJECT("in a second ds:Object", Forgery::addObject),
        KEY_INFO("in ds:KeyInfo", (root, copy) -> keyInfo(root).add(copy)),
        UNSIGNED_PROPERTIES("directly in UnsignedProperties, beside UnsignedSignatureProperties",
                (root, copy) -> unsignedProperties(root).insert(0, copy));

        final String where;
        final BiConsumer<XmlNode, XmlNode> put;

        Place(String where, BiConsumer<XmlNode, XmlNode> put) {
            this.where = where;
            this.put = put;
        }
    }

    static List<RedTeamAttack> all() {
        List<RedTeamAttack> out = new ArrayList<>();
        for (Place place : List.of(Place.UNSIGNED_SIGNATURE_PROPERTIES, Place.SECOND_OBJECT, Place.KEY_INFO)) {
            out.add(attack("SigningCertificate names the signer's CA; a copy naming the signer " + place.where,
                    SIGNATURE_STRUCTURE_INVALID, () -> signingCertificateCopy(place)));
        }
        out.add(attack("no signed SigningCertificate; a copy naming the signer in ds:KeyInfo", SIGNATURE_STRUCTURE_INVALID,
                MisplacedPropertyAttacks::noSigningCertificateCopyInKeyInfo));
        // BDOC / ASiC-E signatures carry no counter-signatures (libdigidocpp refuses them too): the reader refuses one
        out.add(attack("SigningCertificate names the signer's CA; the signer's own counter-signature names the signer",
                SIGNATURE_STRUCTURE_INVALID, MisplacedPropertyAttacks::signingCertificateInCounterSignature));
        for (Place place : List.of(Place.UNSIGNED_SIGNATURE_PROPERTIES, Place.SECOND_OBJECT, Place.KEY_INFO)) {
            out.add(attack("time-mark without a signed policy; the BDOC policy " + place.where, SIGNATURE_STRUCTURE_INVALID,
                    () -> policyCopy(place, false)));
        }
        out.add(attack("time-mark signed under another policy; the BDOC policy in ds:KeyInfo", SIGNATURE_STRUCTURE_INVALID,
                () -> policyCopy(Place.KEY_INFO, true)));
        out.add(attack("time-mark without a signed policy; a counter-signature names the BDOC policy", SIGNATURE_STRUCTURE_INVALID,
                MisplacedPropertyAttacks::policyInCounterSignature));
        out.add(attack("time-mark whose signed policy is ...3.2.1.9, written ...3.2.1<!---->.9 (a comment splits the text)",
                TM_POLICY_IDENTIFIER, MisplacedPropertyAttacks::commentInPolicy));
        for (Place place : List.of(Place.KEY_INFO, Place.UNSIGNED_SIGNATURE_PROPERTIES, Place.SECOND_OBJECT)) {
            out.add(attack("signed MimeType text/plain, manifest text/html; a DataObjectFormat saying text/html " + place.where,
                    SIGNATURE_STRUCTURE_INVALID, () -> mimeTypeCopy(place)));
        }
        for (Place place : List.of(Place.KEY_INFO, Place.UNSIGNED_SIGNATURE_PROPERTIES)) {
            out.add(attack("SigningTime two hours after the time-stamp; an earlier SigningTime " + place.where,
                    SIGNATURE_STRUCTURE_INVALID, () -> signingTimeCopy(place)));
        }
        for (Place place : List.of(Place.KEY_INFO, Place.SECOND_OBJECT, Place.UNSIGNED_PROPERTIES)) {
            out.add(attack("the SignatureTimeStamp moved out of UnsignedSignatureProperties " + place.where,
                    SIGNATURE_STRUCTURE_INVALID, () -> timestampMoved(place)));
        }
        return out;
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    /** The SigningCertificate property a normal signature by the persona carries. */
    static XmlNode signingCertificateOf(Persona persona) {
        return find(signedSignatureProperties(tree(spec(persona, doc()).build())), "xades:SigningCertificate").copy();
    }

    private static byte[] signingCertificateCopy(Place place) {
        XmlNode root = tree(spec(signer(), doc()).tamper(Tamper.SIGNING_CERTIFICATE_OF_ISSUER).build());
        place.put.accept(root, signingCertificateOf(signer()));
        return container(List.of(doc()), root);
    }

    private static byte[] noSigningCertificateCopyInKeyInfo() {
        XmlNode root = tree(spec(signer(), doc()).build(), new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                XmlNode properties = signedProperties.child("xades:SignedSignatureProperties");
                properties.remove(properties.child("xades:SigningCertificate"));
            }
        });
        keyInfo(root).add(signingCertificateOf(signer()));
        return container(List.of(doc()), root);
    }

    private static byte[] signingCertificateInCounterSignature() {
        XmlNode root = tree(spec(signer(), doc()).tamper(Tamper.SIGNING_CERTIFICATE_OF_ISSUER).build());
        unsignedSignatureProperties(root).add(CounterSignatures.of(root, signer(), false));
        return container(List.of(doc()), root);
    }

    /** The BDOC 2.1 SignaturePolicyIdentifier a normal time-mark signature carries. */
    private static XmlNode bdocPolicy() {
        XmlNode root = tree(spec(personas().plainIdCard(), doc()).level(Level.LT_TM).build());
        return find(signedSignatureProperties(root), "xades:SignaturePolicyIdentifier").copy();
    }

    private static byte[] policyCopy(Place place, boolean otherPolicy) {
        SignatureSpec.Builder spec = spec(personas().plainIdCard(), doc()).level(Level.LT_TM).policy(otherPolicy);
        XmlNode root = tree(spec.build(), new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec s) {
                if (otherPolicy) {
                    XmlNode identifier = find(signedProperties, "xades:Identifier");
                    Forgery.parentOf(signedProperties, identifier).replace(identifier,
                            el("xades:Identifier", "urn:oid:" + OTHER_POLICY).attr("Qualifier", "OIDAsURN"));
                }
            }
        });
        place.put.accept(root, bdocPolicy());
        return container(List.of(doc()), root);
    }

    /**
     * The signed policy identifier is the BDOC OID with ".9" appended; the file splits its text
     * with a comment right after the BDOC OID. Canonicalization without comments (the
     * SignedProperties reference's) drops the comment, so the digest holds; a reader that takes
     * the first text node reads the BDOC policy.
     */
    private static byte[] commentInPolicy() {
        String bdoc = "urn:oid:" + "1.3.6.1.4.1.10015.1000.3.2.1";
        XmlNode root = tree(spec(personas().plainIdCard(), doc()).level(Level.LT_TM).build(), new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec s) {
                XmlNode identifier = find(signedProperties, "xades:Identifier");
                Forgery.parentOf(signedProperties, identifier).replace(identifier,
                        el("xades:Identifier", bdoc + ".9").attr("Qualifier", "OIDAsURN"));
            }
        });
        String xml = Forgery.text(root.document()).replace(">" + bdoc + ".9<", ">" + bdoc + "<!---->.9<");
        return container(doc(), xml);
    }

    private static byte[] policyInCounterSignature() {
        Persona persona = personas().plainIdCard();
        XmlNode root = tree(spec(persona, doc()).level(Level.LT_TM).policy(false).build());
        unsignedSignatureProperties(root).insert(0, CounterSignatures.of(root, persona, true));
        return container(List.of(doc()), root);
    }

    private static byte[] mimeTypeCopy(Place place) {
        XmlNode root = tree(spec(signer(), doc()).build());
        String reference = find(Forgery.signedProperties(root), "xades:DataObjectFormat").attribute("ObjectReference");
        place.put.accept(root, el("xades:DataObjectFormat").attr("ObjectReference", reference)
                .add(el("xades:MimeType", "text/html")));
        return container(List.of(doc().withMimeType("text/html")), root);
    }

    private static byte[] signingTimeCopy(Place place) {
        Instant stamped = Forgery.EPOCH;
        XmlNode root = tree(spec(signer(), doc()).signingTime(stamped.plusSeconds(7200)).timestampTime(stamped)
                .ocspTime(stamped.plusSeconds(2)).build());
        place.put.accept(root, el("xades:SigningTime", stamped.minusSeconds(5).toString()));
        return container(List.of(doc()), root);
    }

    private static byte[] timestampMoved(Place place) {
        XmlNode root = tree(spec(signer(), doc()).build());
        XmlNode timestamp = unsignedSignatureProperties(root).child("xades:SignatureTimeStamp");
        unsignedSignatureProperties(root).remove(timestamp);
        place.put.accept(root, timestamp);
        return container(List.of(doc()), root);
    }
}
