package ee.allkiri.testkit.xades;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.TestPkis;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.TestPki;
import eu.europa.esig.dss.xml.utils.DomUtils;
import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlNodeTest {

    private static final String EXCLUSIVE = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final TestPki PKI = TestPkis.SEED_1;

    @ParameterizedTest
    @EnumSource(IdStyle.class)
    @DisplayName("every signed and time-stamped part is written exactly as Santuario's exclusive canonicalization reads it")
    void canonicalFormMatchesSantuario(IdStyle style) {
        Personas personas = new Personas(PKI);
        SignatureSpec spec = SignatureSpec.builder(personas.idCard(),
                        List.of(DataFile.text("a & b <c>.txt", "x\r\ny\t\"z\"")))
                .style(style).level(Level.LTA).signingTime(PKI.epoch()).build();
        XmlNode root = new XadesSigner(PKI).signature(spec);
        Document document = DomUtils.buildDOM(root.document());

        XmlNode signature = root.child("ds:Signature");
        XmlNode qualifying = signature.child("ds:Object").child("xades:QualifyingProperties");
        List<XmlNode> parts = new ArrayList<>(List.of(signature.child("ds:SignedInfo"), signature.child("ds:SignatureValue"),
                signature.child("ds:KeyInfo"), qualifying.child("xades:SignedProperties")));
        parts.addAll(qualifying.child("xades:UnsignedProperties").child("xades:UnsignedSignatureProperties").elements());

        for (XmlNode part : parts) {
            Element element = find(document, part.qualifiedName());
            String santuario = new String(XMLCanonicalizer.createInstance(EXCLUSIVE).canonicalize(element), StandardCharsets.UTF_8);
            assertThat(new String(part.canonical(), StandardCharsets.UTF_8)).as(part.qualifiedName()).isEqualTo(santuario);
        }
    }

    private static Element find(Document document, String qualifiedName) {
        String prefix = qualifiedName.substring(0, qualifiedName.indexOf(':'));
        String local = qualifiedName.substring(qualifiedName.indexOf(':') + 1);
        return (Element) document.getElementsByTagNameNS(XmlNode.NAMESPACES.get(prefix), local).item(0);
    }
}
