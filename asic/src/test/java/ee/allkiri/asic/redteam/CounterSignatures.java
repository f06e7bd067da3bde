package ee.allkiri.asic.redteam;

import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.XmlNode;

/**
 * A valid XAdES counter-signature (ETSI EN 319 132-1 5.2.7): a ds:Signature, in
 * xades:CounterSignature among the unsigned signature properties, whose one reference (of type
 * CountersignedSignature) covers the countersigned signature's ds:SignatureValue. It has signed
 * properties of its own (SigningTime, SigningCertificate, optionally a policy) in their place,
 * so a reader that looks for a property anywhere under the outer signature finds the counter-
 * signer's instead of the signer's.
 */
final class CounterSignatures {

    static final String COUNTERSIGNED = "http://uri.etsi.org/01903#CountersignedSignature";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private CounterSignatures() {
    }

    /**
     * A counter-signature by the persona over the signature in {@code root}.
     *
     * @param policy whether its signed properties name the BDOC 2.1 policy
     */
    static XmlNode of(XmlNode root, Persona persona, boolean policy) {
        XmlNode value = Forgery.signature(root).child("ds:SignatureValue");
        String target = value.attribute("Id");
        byte[] digest = Forgery.sha256(value.canonical());
        SignatureSpec spec = Forgery.spec(persona, DataFile.text("countersigned", "")).id("CS0").level(Level.B)
                .policy(policy).signingTime(Forgery.EPOCH.plusSeconds(60)).build();
        XmlNode signatureFile = Forgery.tree(spec, new SigningHook() {
            @Override
            public void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec s) {
                XmlNode fileReference = Forgery.find(signedInfo, "ds:Reference");
                XmlNode countersigned = el("ds:Reference").attr("Id", fileReference.attribute("Id"))
                        .attr("Type", COUNTERSIGNED).attr("URI", "#" + target)
                        .add(el("ds:Transforms").add(el("ds:Transform").attr("Algorithm", EXC_C14N)),
                                el("ds:DigestMethod").attr("Algorithm", "http://www.w3.org/2001/04/xmlenc#sha256"),
                                el("ds:DigestValue", Forgery.base64(digest)));
                signedInfo.replace(fileReference, countersigned);
            }

            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec s) {
                // a counter-signature's data object is the countersigned value: no media type to give
                signedProperties.remove(signedProperties.child("xades:SignedDataObjectProperties"));
            }
        });
        return el("xades:CounterSignature").add(Forgery.signature(signatureFile));
    }
}
