package ee.allkiri.testkit.xades;

import static ee.allkiri.testkit.xades.XmlNode.el;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.TestPkis;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.TimeStampAuthority;
import eu.europa.esig.dss.xml.utils.DomUtils;
import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signed parts changed by a hook are what is digested and signed; edited and foreign elements are written canonically. */
class SigningHookTest {

    private static final String EXCLUSIVE = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String ATTACKER = "urn:attacker";
    private static final TestPki PKI = TestPkis.SEED_1;
    private static final DataFile DOC = DataFile.text("a.txt", "a\n");

    @Test
    @DisplayName("a hook's changes to SignedProperties and SignedInfo are digested and signed")
    void hookedPartsAreSigned() throws Exception {
        Persona persona = new Personas(PKI).idCard();
        SignatureSpec spec = SignatureSpec.builder(persona, List.of(DOC)).signingTime(PKI.epoch()).build();
        XmlNode root = new XadesSigner(PKI).signature(spec, new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec s) {
                signedProperties.add(XmlNode.ns("evil:Extra", ATTACKER).text("signed"));
            }

            @Override
            public void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec s) {
                XmlNode reference = signedInfo.child("ds:Reference");
                reference.insert(0, el("ds:Transforms").add(el("ds:Transform").attr("Algorithm", EXCLUSIVE)));
            }
        });
        XmlNode signature = root.child("ds:Signature");
        XmlNode signedInfo = signature.child("ds:SignedInfo");
        XmlNode signedProperties = signature.child("ds:Object").child("xades:QualifyingProperties").child("xades:SignedProperties");
        assertThat(signedProperties.child("evil:Extra")).isNotNull();
        assertThat(signedInfo.child("ds:Reference").child("ds:Transforms")).isNotNull();

        XmlNode propertiesReference = signedInfo.elements().get(signedInfo.elements().size() - 1);
        assertThat(Base64.getDecoder().decode(propertiesReference.child("ds:DigestValue").text()))
                .isEqualTo(DataFile.sha256(signedProperties.canonical()));
        byte[] rs = Base64.getDecoder().decode(signature.child("ds:SignatureValue").text());
        int half = rs.length / 2;
        byte[] der = new DERSequence(new ASN1Integer[] {new ASN1Integer(new java.math.BigInteger(1, java.util.Arrays.copyOf(rs, half))),
                new ASN1Integer(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(rs, half, rs.length)))}).getEncoded();
        Signature verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(persona.certificate().getPublicKey());
        verifier.update(signedInfo.canonical());
        assertThat(verifier.verify(der)).isTrue();
    }

    @Test
    @DisplayName("a foreign namespace, and a known prefix bound to another namespace, are written as Santuario canonicalizes them")
    void foreignNamespacesAreCanonical() {
        XmlNode properties = el("xades:QualifyingProperties");
        XmlNode renamed = el("xades:UnsignedProperties").add(el("xades:UnsignedSignatureProperties")
                .add(XmlNode.ns("evil:Note", ATTACKER).add(el("ds:KeyName", "k"))))
                .renamed("xades:UnsignedProperties", "http://uri.etsi.org/01903/v1.1.1#");
        properties.add(renamed);
        Document document = DomUtils.buildDOM(el("asic:XAdESSignatures").add(properties).document());
        Element element = (Element) document.getElementsByTagNameNS(ATTACKER, "Note").item(0);
        String santuario = new String(XMLCanonicalizer.createInstance(EXCLUSIVE).canonicalize(element), StandardCharsets.UTF_8);
        XmlNode note = renamed.child("xades:UnsignedSignatureProperties").child("evil:Note");
        assertThat(new String(note.canonical(), StandardCharsets.UTF_8)).isEqualTo(santuario);
        Element unsigned = (Element) document.getElementsByTagNameNS("http://uri.etsi.org/01903/v1.1.1#", "UnsignedProperties").item(0);
        assertThat(unsigned).isNotNull();
        assertThat(unsigned.getFirstChild().getNamespaceURI()).isEqualTo(XmlNode.NAMESPACES.get("xades"));
    }

    @Test
    @DisplayName("editing: insert, replace, remove, copy and attributes")
    void editing() {
        XmlNode parent = el("ds:Object").add(el("ds:KeyName", "a"), el("ds:KeyName", "c"));
        XmlNode b = el("ds:KeyName", "b");
        parent.insert(1, b);
        assertThat(parent.elements()).extracting(XmlNode::text).containsExactly("a", "b", "c");
        XmlNode copy = parent.copy();
        parent.replace(b, el("ds:KeyName", "B")).remove(parent.elements().get(0));
        assertThat(parent.elements()).extracting(XmlNode::text).containsExactly("B", "c");
        assertThat(copy.elements()).extracting(XmlNode::text).containsExactly("a", "b", "c");
        parent.setAttribute("Id", "x").setAttribute("Id", "y");
        assertThat(parent.attribute("Id")).isEqualTo("y");
        assertThat(parent.setAttribute("Id", null).attribute("Id")).isNull();
    }

    @Test
    @DisplayName("a content time-stamp's imprint is the SHA-256 of the signed files concatenated")
    void contentTimestamp() throws Exception {
        DataFile second = DataFile.text("b.txt", "b\n");
        SignatureSpec spec = SignatureSpec.builder(new Personas(PKI).idCard(), List.of(DOC, second)).signingTime(PKI.epoch()).build();
        XmlNode root = new XadesSigner(PKI).signature(spec,
                ContentTimestamps.allDataObjects(new TimeStampAuthority(PKI.tsa()), PKI.epoch().minusSeconds(10)));
        XmlNode stamp = root.child("ds:Signature").child("ds:Object").child("xades:QualifyingProperties")
                .child("xades:SignedProperties").child("xades:SignedDataObjectProperties").child("xades:AllDataObjectsTimeStamp");
        TimeStampToken token = new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(
                stamp.child("xades:EncapsulatedTimeStamp").text())));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(DataFile.sha256(ContentTimestamps.concatenated(List.of(DOC, second))));
        assertThat(ContentTimestamps.concatenated(List.of(DOC, second))).isEqualTo("a\nb\n".getBytes(StandardCharsets.UTF_8));
    }
}
