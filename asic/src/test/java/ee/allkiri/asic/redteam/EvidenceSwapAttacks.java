package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.EPOCH;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.ocspValues;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.unsignedSignatureProperties;
import static ee.allkiri.core.FindingCode.OCSP_BEFORE_TIMESTAMP;
import static ee.allkiri.core.FindingCode.TIMESTAMP_INVALID;
import static ee.allkiri.core.FindingCode.TM_OCSP_NONCE_MISMATCH;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.XmlNode;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * (f) Evidence swaps between two signatures of the same signer in one container: each
 * signature's time-stamp or time-mark put on the other. The evidence is genuine and about the
 * right certificate, but proves another signature value: {@code TIMESTAMP_INVALID} for a
 * time-stamp, {@code TM_OCSP_NONCE_MISMATCH} for a time-mark. An LT signature carrying the OCSP
 * response of the same signer's earlier signature has evidence from before its own time-stamp:
 * {@code OCSP_BEFORE_TIMESTAMP}. An ECDSA signature value has a twin, (r, n-s), that verifies as
 * well: swapped in, the signature still verifies, but its time-stamp or time-mark proves the other
 * value.
 */
final class EvidenceSwapAttacks {

    static final String FAMILY = "f. evidence swaps";

    private EvidenceSwapAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("the same signer's two signatures with their time-stamps swapped", TIMESTAMP_INVALID,
                        () -> swapped(signer(), Level.LT, "xades:SignatureTimeStamp")),
                attack("the same signer's two time-mark signatures with their time-marks swapped", TM_OCSP_NONCE_MISMATCH,
                        () -> swapped(personas().plainIdCard(), Level.LT_TM, "xades:RevocationValues")),
                attack("an LT signature carrying the OCSP response of the same signer's signature ten minutes earlier",
                        OCSP_BEFORE_TIMESTAMP, EvidenceSwapAttacks::earlierOcsp),
                attack("the ECDSA signature value replaced by its twin (r, n-s), which verifies too; the time-stamp kept",
                        TIMESTAMP_INVALID, () -> malleated(signer(), Level.LT)),
                attack("the ECDSA signature value replaced by its twin (r, n-s); the time-mark kept", TM_OCSP_NONCE_MISMATCH,
                        () -> malleated(personas().plainIdCard(), Level.LT_TM)));
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    private static XmlNode signature(Persona persona, Level level, String id, int minutes) {
        return tree(spec(persona, doc()).level(level).id(id).signingTime(EPOCH.plusSeconds(60L * minutes)).build());
    }

    private static byte[] swapped(Persona persona, Level level, String evidence) {
        XmlNode first = signature(persona, level, "S0", 0);
        XmlNode second = signature(persona, level, "S1", 10);
        XmlNode a = unsignedSignatureProperties(first).child(evidence);
        XmlNode b = unsignedSignatureProperties(second).child(evidence);
        unsignedSignatureProperties(first).replace(a, b.copy());
        unsignedSignatureProperties(second).replace(b, a.copy());
        return container(List.of(doc()), List.of(first.document(), second.document()));
    }

    private static byte[] malleated(Persona persona, Level level) {
        XmlNode root = tree(spec(persona, doc()).level(level).build());
        XmlNode signature = Forgery.signature(root);
        XmlNode value = signature.child("ds:SignatureValue");
        byte[] rs = Base64.getDecoder().decode(value.text());
        BigInteger order = ((ECPublicKey) persona.certificate().getPublicKey()).getParams().getOrder();
        int half = rs.length / 2;
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length));
        byte[] twin = order.subtract(s).toByteArray();
        byte[] out = rs.clone();
        Arrays.fill(out, half, out.length, (byte) 0);
        int length = Math.min(twin.length, half);
        System.arraycopy(twin, twin.length - length, out, out.length - length, length);
        signature.replace(value, XmlNode.el("ds:SignatureValue", Forgery.base64(out)).attr("Id", value.attribute("Id")));
        return container(List.of(doc()), root);
    }

    private static byte[] earlierOcsp() {
        XmlNode earlier = signature(signer(), Level.LT, "S0", 0);
        XmlNode later = signature(signer(), Level.LT, "S1", 10);
        XmlNode values = ocspValues(later);
        values.replace(values.child("xades:EncapsulatedOCSPValue"), ocspValues(earlier).child("xades:EncapsulatedOCSPValue").copy());
        return container(List.of(doc()), later);
    }
}
