package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.EPOCH;
import static ee.allkiri.asic.redteam.Forgery.PKI;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.keyInfo;
import static ee.allkiri.asic.redteam.Forgery.ocsp;
import static ee.allkiri.asic.redteam.Forgery.ocspValue;
import static ee.allkiri.asic.redteam.Forgery.ocspValues;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.unsignedSignatureProperties;
import static ee.allkiri.core.FindingCode.OCSP_CERT_ID_MISMATCH;
import static ee.allkiri.core.FindingCode.OCSP_OUT_OF_WINDOW;
import static ee.allkiri.core.FindingCode.OCSP_RESPONDER_NOT_AUTHORIZED;
import static ee.allkiri.core.FindingCode.OCSP_RESPONSES_CONTRADICT;
import static ee.allkiri.core.FindingCode.OCSP_STATUS_REVOKED;
import static ee.allkiri.core.FindingCode.SIGNATURE_STRUCTURE_INVALID;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.service.OcspResponder;
import ee.allkiri.testkit.service.OcspStatus;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.XmlNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * (c) Revocation evidence, complete: every OCSP response in RevocationValues counts (and only
 * there, for XAdES); a response that says revoked before the proven time decides; responses
 * that contradict each other are a finding, never a pass. The signer's certificate was good
 * when the signature was made and time-stamped, and later revoked with a revocation time before
 * the signature (a key compromise declared after the fact): both responses are genuine.
 *
 * <p>Expected codes: two responses in RevocationValues that disagree are
 * {@code OCSP_RESPONSES_CONTRADICT} (a revoked one may add OCSP_STATUS_REVOKED); a good response
 * outside RevocationValues is no evidence, so the revoked one inside decides,
 * {@code OCSP_STATUS_REVOKED}, where XAdES allows an element there; where it does not (in KeyInfo,
 * in a second ds:Object, in a counter-signature, which BDOC does not have) the reader refuses
 * the signature, {@code SIGNATURE_STRUCTURE_INVALID}; a second RevocationValues is an element allowed once appearing
 * twice, {@code SIGNATURE_STRUCTURE_INVALID}; a response about another certificate is
 * {@code OCSP_CERT_ID_MISMATCH} (as in the hostile-input corpus); a response stating a status of
 * before the signature is {@code OCSP_OUT_OF_WINDOW}; one the signer signs itself is
 * {@code OCSP_RESPONDER_NOT_AUTHORIZED}.
 */
final class EvidenceAttacks {

    static final String FAMILY = "c. revocation evidence";
    static final String XADES141 = "http://uri.etsi.org/01903/v1.4.1#";

    /** The signature's time-stamp; its OCSP response comes two seconds later. */
    private static final Instant STAMPED = EPOCH.plusSeconds(1);
    private static final Instant PRODUCED = STAMPED.plusSeconds(2);
    /** The revocation time the later response declares: an hour before the signature. */
    private static final Instant COMPROMISED = EPOCH.minus(Duration.ofHours(1));

    private EvidenceAttacks() {
    }

    /** Where a good response is hidden, with the revoked one in RevocationValues. */
    private enum Hideout {
        KEY_INFO("in ds:KeyInfo/ds:X509Data", SIGNATURE_STRUCTURE_INVALID,
                (root, good) -> keyInfo(root).child("ds:X509Data").add(good)),
        SECOND_OBJECT("in a second ds:Object", SIGNATURE_STRUCTURE_INVALID, (root, good) -> Forgery.addObject(root, good)),
        ATTRIBUTE_REVOCATION_VALUES("in xades:AttributeRevocationValues (attribute authorities' evidence)", OCSP_STATUS_REVOKED,
                (root, good) -> beforeRevocationValues(root, el("xades:AttributeRevocationValues")
                        .add(el("xades:OCSPValues").add(good)))),
        TIME_STAMP_VALIDATION_DATA("in xades141:TimeStampValidationData (the time-stamp's evidence)", OCSP_STATUS_REVOKED,
                (root, good) -> beforeRevocationValues(root, XmlNode.ns("xades141:TimeStampValidationData", XADES141)
                        .add(el("xades:RevocationValues").add(el("xades:OCSPValues").add(good))))),
        COUNTER_SIGNATURE("in a counter-signature's own RevocationValues", SIGNATURE_STRUCTURE_INVALID,
                EvidenceAttacks::inCounterSignature);

        final String where;
        final ee.allkiri.core.FindingCode expected;
        final BiConsumer<XmlNode, XmlNode> put;

        Hideout(String where, ee.allkiri.core.FindingCode expected, BiConsumer<XmlNode, XmlNode> put) {
            this.where = where;
            this.expected = expected;
            this.put = put;
        }
    }

    static List<RedTeamAttack> all() {
        List<RedTeamAttack> out = new ArrayList<>(List.of(
                attack("RevocationValues: the good response, then a later one saying revoked before the signature",
                        OCSP_RESPONSES_CONTRADICT, () -> twoResponses(false)),
                attack("RevocationValues: a revoked response first, then the good one", OCSP_RESPONSES_CONTRADICT,
                        () -> twoResponses(true)),
                attack("RevocationValues: one response with two SingleResponses about the signer, good and revoked",
                        OCSP_RESPONSES_CONTRADICT, EvidenceAttacks::twoSingles),
                attack("RevocationValues: a good and an unknown response about the signer", OCSP_RESPONSES_CONTRADICT,
                        EvidenceAttacks::goodAndUnknown),
                attack("time-mark: the time-mark, and a later response saying revoked before the signature",
                        OCSP_RESPONSES_CONTRADICT, EvidenceAttacks::timeMarkAndRevoked)));
        for (Hideout hideout : Hideout.values()) {
            out.add(attack("revoked in RevocationValues, a good response hidden " + hideout.where, hideout.expected,
                    () -> hidden(hideout)));
        }
        out.add(attack("revoked in RevocationValues, a good one in a second RevocationValues", SIGNATURE_STRUCTURE_INVALID,
                EvidenceAttacks::secondRevocationValues));
        out.add(attack("the OCSP response is about the signer's CA certificate", OCSP_CERT_ID_MISMATCH,
                EvidenceAttacks::aboutTheCa));
        out.add(attack("the OCSP response is about the signer's other (authentication) certificate", OCSP_CERT_ID_MISMATCH,
                () -> withOnly(lt(), ocsp(personas().authentication(), OcspStatus.GOOD, PRODUCED))));
        out.add(attack("a revoked signer; a good response about its serial number under another CA", OCSP_CERT_ID_MISMATCH,
                EvidenceAttacks::sameSerialOtherIssuer));
        out.add(attack("a signer revoked 30 days before signing; a response produced after the time-stamp whose thisUpdate "
                + "(the status it states) is 40 days old", OCSP_OUT_OF_WINDOW, EvidenceAttacks::staleStatus));
        out.add(attack("the signer's own key signs a good response about its certificate", OCSP_RESPONDER_NOT_AUTHORIZED,
                EvidenceAttacks::selfAttested));
        return out;
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    private static XmlNode lt() {
        return tree(spec(signer(), doc()).timestampTime(STAMPED).ocspTime(PRODUCED).build());
    }

    private static byte[] revoked(Instant producedAt) {
        return ocsp(signer(), OcspStatus.revoked(COMPROMISED), producedAt);
    }

    private static byte[] good() {
        return ocsp(signer(), OcspStatus.GOOD, PRODUCED);
    }

    private static byte[] twoResponses(boolean revokedFirst) {
        XmlNode root = lt();
        if (revokedFirst) {
            ocspValues(root).insert(0, ocspValue(revoked(PRODUCED)));
        } else {
            ocspValues(root).add(ocspValue(revoked(PRODUCED.plus(Duration.ofDays(1)))));
        }
        return container(List.of(doc()), root);
    }

    private static byte[] twoSingles() {
        Persona persona = signer();
        var id = OcspResponder.certificateId(persona.issuer().certificate(), persona.certificate().getSerialNumber());
        byte[] both = new OcspResponder(PKI.ocspResponder(persona)).respond(List.of(new OcspResponder.Single(id, OcspStatus.GOOD),
                new OcspResponder.Single(id, OcspStatus.revoked(COMPROMISED))), PRODUCED, null);
        return withOnly(lt(), both);
    }

    private static byte[] goodAndUnknown() {
        XmlNode root = lt();
        ocspValues(root).add(ocspValue(ocsp(signer(), OcspStatus.UNKNOWN, PRODUCED)));
        return container(List.of(doc()), root);
    }

    private static byte[] timeMarkAndRevoked() {
        Persona persona = personas().plainIdCard();
        XmlNode root = tree(spec(persona, doc()).level(Level.LT_TM).build());
        ocspValues(root).add(ocspValue(ocsp(persona, OcspStatus.revoked(COMPROMISED), EPOCH.plus(Duration.ofDays(1)))));
        return container(List.of(doc()), root);
    }

    private static byte[] hidden(Hideout hideout) {
        XmlNode root = lt();
        XmlNode values = ocspValues(root);
        values.replace(values.child("xades:EncapsulatedOCSPValue"), ocspValue(revoked(PRODUCED)));
        hideout.put.accept(root, ocspValue(good()));
        return container(List.of(doc()), root);
    }

    private static byte[] secondRevocationValues() {
        XmlNode root = lt();
        XmlNode values = ocspValues(root);
        values.replace(values.child("xades:EncapsulatedOCSPValue"), ocspValue(revoked(PRODUCED)));
        beforeRevocationValues(root, el("xades:RevocationValues").add(el("xades:OCSPValues").add(ocspValue(good()))));
        return container(List.of(doc()), root);
    }

    private static void beforeRevocationValues(XmlNode root, XmlNode element) {
        XmlNode properties = unsignedSignatureProperties(root);
        properties.insert(properties.elements().indexOf(properties.child("xades:RevocationValues")), element);
    }

    private static void inCounterSignature(XmlNode root, XmlNode good) {
        XmlNode counter = CounterSignatures.of(root, signer(), false);
        XmlNode qualifying = Forgery.find(counter, "xades:QualifyingProperties");
        qualifying.add(el("xades:UnsignedProperties").add(el("xades:UnsignedSignatureProperties")
                .add(el("xades:RevocationValues").add(el("xades:OCSPValues").add(good)))));
        beforeRevocationValues(root, counter);
    }

    private static byte[] aboutTheCa() {
        Persona persona = signer();
        byte[] aboutCa = new OcspResponder(PKI.root()).respond(persona.issuer().certificate(), PKI.root().certificate(),
                OcspStatus.GOOD, PRODUCED, null);
        return withOnly(lt(), aboutCa);
    }

    private static byte[] sameSerialOtherIssuer() {
        Persona revoked = personas().revoked();
        XmlNode root = tree(spec(revoked, doc()).timestampTime(STAMPED).ocspTime(PRODUCED).build());
        var otherCa = PKI.eidQ();
        byte[] forged = new OcspResponder(PKI.ocspResponder(otherCa)).respond(
                OcspResponder.certificateId(otherCa.certificate(), revoked.certificate().getSerialNumber()), OcspStatus.GOOD,
                PRODUCED, null);
        return withOnly(root, forged);
    }

    private static byte[] staleStatus() {
        Persona revoked = personas().revoked();
        XmlNode root = tree(spec(revoked, doc()).timestampTime(STAMPED).ocspTime(PRODUCED).build());
        var id = OcspResponder.certificateId(revoked.issuer().certificate(), revoked.certificate().getSerialNumber());
        byte[] stale = new OcspResponder(PKI.ocspResponder(revoked)).respond(List.of(new OcspResponder.Single(id,
                OcspStatus.GOOD, EPOCH.minus(Duration.ofDays(40)))), PRODUCED, null);
        return withOnly(root, stale);
    }

    private static byte[] selfAttested() {
        Persona persona = signer();
        Authority self = new Authority(persona.certificate().getSubjectX500Principal().getName(), persona.certificate(),
                persona.signer(), persona.issuer());
        byte[] response = new OcspResponder(self).respond(persona.certificate(), persona.issuer().certificate(), OcspStatus.GOOD,
                PRODUCED, null);
        return withOnly(lt(), response);
    }

    /** The signature with its one OCSP response replaced. */
    private static byte[] withOnly(XmlNode root, byte[] response) {
        XmlNode values = ocspValues(root);
        values.replace(values.child("xades:EncapsulatedOCSPValue"), ocspValue(response));
        return container(List.of(doc()), root);
    }
}
