package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.ATTACKER;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.keyInfo;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.qualifying;
import static ee.allkiri.asic.redteam.Forgery.signature;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.unsignedProperties;
import static ee.allkiri.asic.redteam.Forgery.unsignedSignatureProperties;
import static ee.allkiri.core.FindingCode.SIGNATURE_STRUCTURE_INVALID;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.Tamper;
import ee.allkiri.testkit.xades.XmlNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * (d) The XAdES structure, positionally: QualifyingProperties is SignedProperties then an
 * optional UnsignedProperties, each property in its container, an element the standard allows
 * once appears once, and nothing unknown. Each attack keeps the signature value and every
 * reference valid (what is signed is signed as it stands; what is unsigned may be anything), so
 * only a reader that checks the structure refuses it: every case is
 * {@code SIGNATURE_STRUCTURE_INVALID}.
 */
final class StructureAttacks {

    static final String FAMILY = "d. XAdES structure";
    static final String XADES111 = "http://uri.etsi.org/01903/v1.1.1#";

    private StructureAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                unsigned("QualifyingProperties' second child is evil:UnsignedProperties (another namespace)",
                        root -> rename(root, "evil:UnsignedProperties", ATTACKER)),
                unsigned("QualifyingProperties' second child is xades:UnsignedProperties of XAdES 1.1.1",
                        root -> rename(root, "xades:UnsignedProperties", XADES111)),
                unsigned("QualifyingProperties' second child is xades141:UnsignedProperties (the 1.4.1 namespace)",
                        root -> rename(root, "xades141:UnsignedProperties", EvidenceAttacks.XADES141)),
                unsigned("QualifyingProperties' second child is xades:UnsignedDataObjectProperties (another name)",
                        root -> rename(root, "xades:UnsignedDataObjectProperties", Forgery.XADES)),
                unsigned("UnsignedProperties before SignedProperties", root -> {
                    XmlNode up = unsignedProperties(root);
                    qualifying(root).remove(up).insert(0, up);
                }),
                unsigned("UnsignedSignatureProperties directly in QualifyingProperties, without UnsignedProperties",
                        root -> qualifying(root).replace(unsignedProperties(root), unsignedSignatureProperties(root))),
                unsigned("a second UnsignedProperties after the first",
                        root -> qualifying(root).add(unsignedProperties(root).copy())),
                unsigned("QualifyingProperties' Target names another signature",
                        root -> qualifying(root).setAttribute("Target", "#S1")),
                unsigned("QualifyingProperties in ds:KeyInfo, no ds:Object", root -> {
                    XmlNode object = Forgery.object(root);
                    signature(root).remove(object);
                    keyInfo(root).add(object.child("xades:QualifyingProperties"));
                }),
                unsigned("an attacker's element in ds:KeyInfo", root -> keyInfo(root).add(Forgery.attacker("Note"))),
                unsigned("an attacker's element among the unsigned signature properties",
                        root -> unsignedSignatureProperties(root).add(Forgery.attacker("Note"))),
                unsigned("an attacker's element in UnsignedProperties",
                        root -> unsignedProperties(root).add(Forgery.attacker("Note"))),
                unsigned("an attacker's element between ds:SignatureValue and ds:KeyInfo",
                        root -> signature(root).insert(2, Forgery.attacker("Note"))),
                signed("an attacker's element in SignedProperties (signed)",
                        sp -> sp.add(Forgery.attacker("Note", el("xades:SigningTime", "2001-01-01T00:00:00Z")))),
                signed("an attacker's element in SignedSignatureProperties (signed)",
                        sp -> sp.child("xades:SignedSignatureProperties").add(Forgery.attacker("Note"))),
                signed("two SigningTime (signed), the second a year earlier", sp -> {
                    XmlNode ssp = sp.child("xades:SignedSignatureProperties");
                    ssp.insert(1, el("xades:SigningTime", Forgery.EPOCH.minusSeconds(365L * 86400).toString()));
                }),
                signed("two SigningCertificate (signed): the signer's CA's, then the signer's", sp -> {
                    XmlNode ssp = sp.child("xades:SignedSignatureProperties");
                    ssp.insert(1, MisplacedPropertyAttacks.signingCertificateOf(signer()));
                    XmlNode first = ssp.child("xades:SigningCertificate");
                    ssp.replace(first, issuerSigningCertificate());
                }),
                signed("two SignedSignatureProperties (signed)",
                        sp -> sp.insert(1, sp.child("xades:SignedSignatureProperties").copy())),
                signed("SignedDataObjectProperties before SignedSignatureProperties (signed)", sp -> {
                    XmlNode ssp = sp.child("xades:SignedSignatureProperties");
                    sp.remove(ssp).add(ssp);
                }),
                signed("two DataObjectFormat for the one file (signed): text/html, then text/plain", "text/html", sp -> {
                    XmlNode dop = sp.child("xades:SignedDataObjectProperties");
                    XmlNode format = dop.child("xades:DataObjectFormat");
                    dop.insert(0, el("xades:DataObjectFormat").attr("ObjectReference", format.attribute("ObjectReference"))
                            .add(el("xades:MimeType", "text/html")));
                }),
                RedTeamAttack.of(FAMILY, "time-mark with two SignaturePolicyIdentifier (signed): the BDOC policy, then another",
                        SIGNATURE_STRUCTURE_INVALID, StructureAttacks::twoPolicies));
    }

    private static RedTeamAttack unsigned(String name, Consumer<XmlNode> edit) {
        return RedTeamAttack.of(FAMILY, name, SIGNATURE_STRUCTURE_INVALID, () -> {
            XmlNode root = tree(spec(signer(), doc()).build());
            edit.accept(root);
            return container(List.of(doc()), root);
        });
    }

    private static RedTeamAttack signed(String name, Consumer<XmlNode> editSignedProperties) {
        return signed(name, "text/plain", editSignedProperties);
    }

    /** A signature whose SignedProperties the edit changes before signing, in a container whose manifest gives the file this type. */
    private static RedTeamAttack signed(String name, String manifestType, Consumer<XmlNode> editSignedProperties) {
        Supplier<byte[]> container = () -> {
            XmlNode root = tree(spec(signer(), doc()).build(), new SigningHook() {
                @Override
                public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                    editSignedProperties.accept(signedProperties);
                }
            });
            return container(List.of(doc().withMimeType(manifestType)), root);
        };
        return RedTeamAttack.of(FAMILY, name, SIGNATURE_STRUCTURE_INVALID, container);
    }

    private static void rename(XmlNode root, String qualifiedName, String namespace) {
        XmlNode up = unsignedProperties(root);
        qualifying(root).replace(up, up.renamed(qualifiedName, namespace));
    }

    /** The SigningCertificate a signature naming the signer's CA carries. */
    private static XmlNode issuerSigningCertificate() {
        XmlNode root = tree(spec(signer(), doc()).tamper(Tamper.SIGNING_CERTIFICATE_OF_ISSUER).build());
        return Forgery.find(Forgery.signedProperties(root), "xades:SigningCertificate").copy();
    }

    private static byte[] twoPolicies() {
        XmlNode root = tree(spec(personas().plainIdCard(), doc()).level(Level.LT_TM).build(), new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                XmlNode ssp = signedProperties.child("xades:SignedSignatureProperties");
                XmlNode policy = ssp.child("xades:SignaturePolicyIdentifier");
                XmlNode other = policy.copy();
                XmlNode identifier = Forgery.find(other, "xades:Identifier");
                Forgery.parentOf(other, identifier).replace(identifier,
                        el("xades:Identifier", "urn:oid:" + MisplacedPropertyAttacks.OTHER_POLICY).attr("Qualifier", "OIDAsURN"));
                ssp.add(other);
            }
        });
        return container(List.of(doc()), root);
    }
}
