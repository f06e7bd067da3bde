package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.EPOCH;
import static ee.allkiri.asic.redteam.Forgery.PKI;
import static ee.allkiri.asic.redteam.Forgery.base64;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.ocspValue;
import static ee.allkiri.asic.redteam.Forgery.ocspValues;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.unsignedSignatureProperties;
import static ee.allkiri.core.FindingCode.ALGORITHM_NOT_RELIABLE;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.service.OcspResponder;
import ee.allkiri.testkit.service.OcspStatus;
import ee.allkiri.testkit.service.TimeStampAuthority;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.XmlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.tsp.TSPAlgorithms;

/**
 * (g) Algorithms past their sunset in a signature of 2025: evidence (OCSP responses,
 * time-stamps) signed with SHA-1 after 2020-01-01, which allkiri's DSS policy accepts from
 * authorities without an end date, and SHA-1 digests in the signer's own references, where
 * chosen-prefix collisions let two files share a digest. All are
 * {@code ALGORITHM_NOT_RELIABLE}.
 */
final class AlgorithmAttacks {

    static final String FAMILY = "g. algorithms";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String MD5 = "http://www.w3.org/2001/04/xmldsig-more#md5";

    private AlgorithmAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("the OCSP response signed with SHA-1 in 2025", AlgorithmAttacks::sha1Ocsp),
                attack("the time-mark signed with SHA-1 in 2025", AlgorithmAttacks::sha1TimeMark),
                attack("the time-stamp token signed with SHA-1 in 2025", () -> sha1Timestamp(false)),
                attack("the time-stamp's imprint and signature SHA-1 in 2025", () -> sha1Timestamp(true)),
                attack("the file reference's digest SHA-1 (signed)", () -> referenceDigest(SHA1, "SHA-1", false)),
                attack("the SignedProperties reference's digest SHA-1 (signed)", () -> referenceDigest(SHA1, "SHA-1", true)),
                attack("the file reference's digest MD5 (signed)", () -> referenceDigest(MD5, "MD5", false)));
    }

    private static RedTeamAttack attack(String name, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, ALGORITHM_NOT_RELIABLE, container);
    }

    private static byte[] sha1Ocsp() {
        Persona persona = signer();
        XmlNode root = tree(spec(persona, doc()).build());
        byte[] response = new OcspResponder(PKI.ocspResponder(persona)).withDigest("SHA-1").respond(persona.certificate(),
                persona.issuer().certificate(), OcspStatus.GOOD, EPOCH.plusSeconds(3), null);
        return withOcsp(root, response);
    }

    private static byte[] sha1TimeMark() {
        Persona persona = personas().plainIdCard();
        XmlNode root = tree(spec(persona, doc()).level(Level.LT_TM).build());
        byte[] value = Base64.getDecoder().decode(Forgery.signature(root).child("ds:SignatureValue").text());
        byte[] response = new OcspResponder(PKI.timeMarkResponder()).withDigest("SHA-1").respond(persona.certificate(),
                persona.issuer().certificate(), OcspStatus.GOOD, EPOCH.plusSeconds(1), nonce(value));
        return withOcsp(root, response);
    }

    private static byte[] withOcsp(XmlNode root, byte[] response) {
        XmlNode values = ocspValues(root);
        values.replace(values.child("xades:EncapsulatedOCSPValue"), ocspValue(response));
        return container(List.of(doc()), root);
    }

    /** The BDOC 2.1 time-mark nonce: DigestInfo(SHA-256, SHA-256(signature value)). */
    private static byte[] nonce(byte[] signatureValue) {
        try {
            return new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                    Forgery.sha256(signatureValue)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha1Timestamp(boolean sha1Imprint) {
        Instant stamped = EPOCH.plusSeconds(1);
        XmlNode root = tree(spec(signer(), doc()).timestampTime(stamped).build());
        byte[] canonical = Forgery.signature(root).child("ds:SignatureValue").canonical();
        TimeStampAuthority tsa = new TimeStampAuthority(PKI.tsa()).withDigest("SHA-1");
        byte[] token = sha1Imprint ? tsa.token(TSPAlgorithms.SHA1, digest("SHA-1", canonical), stamped)
                : tsa.token(Forgery.sha256(canonical), stamped);
        XmlNode timestamp = unsignedSignatureProperties(root).child("xades:SignatureTimeStamp");
        timestamp.replace(timestamp.child("xades:EncapsulatedTimeStamp"), el("xades:EncapsulatedTimeStamp", base64(token)));
        return container(List.of(doc()), root);
    }

    private static byte[] referenceDigest(String uri, String algorithm, boolean signedProperties) {
        XmlNode root = tree(spec(signer(), doc()).build(), new SigningHook() {
            private byte[] properties;

            @Override
            public void signedProperties(XmlNode element, SignatureSpec spec) {
                properties = element.canonical();
            }

            @Override
            public void signedInfo(XmlNode signedInfo, XmlNode keyInfo, SignatureSpec spec) {
                for (XmlNode reference : signedInfo.elements()) {
                    boolean isProperties = reference.attribute("Type") != null;
                    if (reference.qualifiedName().equals("ds:Reference") && isProperties == signedProperties) {
                        byte[] data = isProperties ? properties : doc().content();
                        reference.replace(reference.child("ds:DigestMethod"), el("ds:DigestMethod").attr("Algorithm", uri));
                        reference.replace(reference.child("ds:DigestValue"),
                                el("ds:DigestValue", base64(digest(algorithm, data))));
                    }
                }
            }
        });
        return container(List.of(doc()), root);
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
