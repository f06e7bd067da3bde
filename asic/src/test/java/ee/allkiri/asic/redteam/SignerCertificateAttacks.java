package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.PKI;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.sign;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.core.FindingCode.CERTIFICATE_EXPIRED;
import static ee.allkiri.core.FindingCode.KEY_USAGE_NON_REPUDIATION;
import static ee.allkiri.core.FindingCode.SIGNER_CERTIFICATE_CA;
import static ee.allkiri.core.FindingCode.SIGNER_CERTIFICATE_CRITICAL_EXTENSION;
import static ee.allkiri.core.FindingCode.SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE;

import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.xades.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * (e) Signer certificates that are not signing certificates: an unknown critical extension
 * (RFC 5280 4.2: reject), cA=true, an extended key usage that allows only time-stamping, OCSP
 * signing or client authentication, no nonRepudiation. The quirky personas are issued by the
 * ID-card CA like any other signer (same policies and QC statements); the certificate is all
 * that is wrong. The PKI's own service certificates (the time-stamping unit, the CA, the
 * responders, trust anchors of the verifier) also try to sign, with an OCSP response from the
 * authority that issued them. And a certificate that expired before the time-stamp, whose
 * signer claims a SigningTime within its validity: the proof, not the claim, is the signing time.
 */
final class SignerCertificateAttacks {

    static final String FAMILY = "e. signer certificate";

    private SignerCertificateAttacks() {
    }

    static List<RedTeamAttack> all() {
        return List.of(
                attack("a critical extension no verifier knows", SIGNER_CERTIFICATE_CRITICAL_EXTENSION,
                        () -> lt(personas().unknownCriticalExtension())),
                attack("a critical extension no verifier knows, time-mark", SIGNER_CERTIFICATE_CRITICAL_EXTENSION,
                        () -> tm(personas().unknownCriticalExtension())),
                attack("basicConstraints cA=true", SIGNER_CERTIFICATE_CA, () -> lt(personas().caCertificate())),
                attack("extendedKeyUsage time-stamping only (a TSU's profile)", SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE,
                        () -> lt(personas().timeStampingCertificate())),
                attack("extendedKeyUsage OCSP signing only (a responder's profile)", SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE,
                        () -> lt(personas().ocspSigningCertificate())),
                attack("extendedKeyUsage clientAuth only", SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE,
                        () -> lt(personas().clientAuthOnly())),
                attack("extendedKeyUsage clientAuth only, time-mark", SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE,
                        () -> tm(personas().clientAuthOnly())),
                attack("no nonRepudiation (an authentication certificate)", KEY_USAGE_NON_REPUDIATION,
                        () -> lt(personas().authentication())),
                attack("the certificate expired a day before the time-stamp; the claimed SigningTime is within its validity",
                        CERTIFICATE_EXPIRED, SignerCertificateAttacks::expiredBeforeTheProof),
                attack("the verifier's trusted time-stamping unit signs", SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE,
                        () -> service(PKI.tsa())),
                attack("the ID-card CA itself signs (a trust anchor, cA=true)", SIGNER_CERTIFICATE_CA,
                        () -> service(PKI.esteid2018())),
                attack("the trusted time-mark responder signs", SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE,
                        () -> service(PKI.timeMarkResponder())),
                attack("the ID-card CA's OCSP responder signs", SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE,
                        () -> service(PKI.ocspResponder(PKI.esteid2018()))));
    }

    private static RedTeamAttack attack(String name, FindingCode expected, Supplier<byte[]> container) {
        return RedTeamAttack.of(FAMILY, name, expected, container);
    }

    private static byte[] lt(Persona persona) {
        return container(List.of(doc()), List.of(sign(spec(persona, doc()).build())));
    }

    private static byte[] tm(Persona persona) {
        return container(List.of(doc()), List.of(sign(spec(persona, doc()).level(Level.LT_TM).build())));
    }

    private static byte[] expiredBeforeTheProof() {
        Persona expired = personas().expired();
        return container(List.of(doc()), List.of(sign(spec(expired, doc()).signingTime(PKI.epoch().minus(Duration.ofDays(2)))
                .timestampTime(PKI.epoch()).ocspTime(PKI.epoch().plusSeconds(2)).build())));
    }

    /** An LT signature with a service's key and certificate; its OCSP response is from the service's issuer. */
    private static byte[] service(Authority authority) {
        Persona persona = new Persona(PersonaSpec.eSeal(authority.commonName(), "70000002"), authority.certificate(),
                authority.signer(), authority.issuer());
        return container(List.of(doc()), List.of(sign(spec(persona, doc()).ocspResponder(authority.issuer()).build())));
    }
}
