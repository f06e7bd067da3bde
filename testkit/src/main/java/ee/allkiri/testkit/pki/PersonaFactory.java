package ee.allkiri.testkit.pki;

import ee.allkiri.core.TokenType;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Issues a persona's certificate the way SK ID Solutions does for each token: subject layout,
 * serialNumber form, certificate policies (the OIDs allkiri's TokenTypes reads) and key type.
 */
final class PersonaFactory {

    /** QCP-n-qscd: a qualified certificate for a natural person with the key on a QSCD. */
    static final String QCP_N_QSCD = "0.4.0.194112.1.2";
    /** QCP-l-qscd: a qualified certificate for a legal person (e-seal) with the key on a QSCD. */
    static final String QCP_L_QSCD = "0.4.0.194112.1.3";

    private PersonaFactory() {
    }

    static Persona issue(TestPki pki, PersonaSpec spec) {
        Authority ca = pki.issuerFor(spec);
        KeyType type = keyType(spec.token());
        KeyPair pair = pki.personaKeyPair(spec, type);
        Instant from = spec.notBefore() != null ? spec.notBefore() : pki.epoch().minus(Duration.ofDays(365));
        Instant until = spec.notAfter() != null ? spec.notAfter() : pki.epoch().plus(Duration.ofDays(4 * 365));
        CertificateIssuer.Profile profile = spec.token() == TokenType.E_SEAL
                ? CertificateIssuer.Profile.SEAL : CertificateIssuer.Profile.SIGNER;
        X509Certificate certificate = pki.issuer().issue(profile, subject(spec), pair.getPublic(),
                SeededRandom.serial(pki.seed(), "persona:" + spec.label()), from, until, ca, null,
                policies(spec), spec.nonRepudiation(), spec.ocspUrl() != null ? spec.ocspUrl() : pki.ocspUrl(ca),
                "http://c.testkit.invalid/" + TestPki.slug(ca.commonName()) + ".der.crt", spec.quirks());
        return new Persona(spec, certificate, new KeySigner(pair.getPrivate(), type, pki.provider()), ca);
    }

    /** ID-card and digi-ID keys are P-384 (ESTEID2018), Mobile-ID P-256, Smart-ID RSA. */
    static KeyType keyType(TokenType token) {
        return switch (token) {
            case MOBILE_ID -> KeyType.EC_P256;
            case SMART_ID -> KeyType.RSA_2048;
            default -> KeyType.EC_P384;
        };
    }

    static List<String> policies(PersonaSpec spec) {
        if (spec.plainSerial()) {
            return switch (spec.token()) {
                case ID_CARD -> List.of("1.3.6.1.4.1.10015.1.1");
                case DIGI_ID, E_RESIDENT_DIGI_ID -> List.of("1.3.6.1.4.1.10015.1.2");
                case MOBILE_ID -> List.of("1.3.6.1.4.1.10015.1.3");
                default -> throw new IllegalArgumentException("no plain-serial policy for " + spec.token());
            };
        }
        return switch (spec.token()) {
            case ID_CARD -> List.of("1.3.6.1.4.1.51361.1.1.1", QCP_N_QSCD);
            case DIGI_ID -> List.of("1.3.6.1.4.1.51361.1.1.3", QCP_N_QSCD);
            case E_RESIDENT_DIGI_ID -> List.of("1.3.6.1.4.1.51361.1.1.4", QCP_N_QSCD);
            case MOBILE_ID -> List.of("1.3.6.1.4.1.10015.18.1", QCP_N_QSCD);
            case SMART_ID -> List.of("1.3.6.1.4.1.10015.17.2", QCP_N_QSCD);
            case E_SEAL -> List.of("1.3.6.1.4.1.10015.7.3", QCP_L_QSCD);
            case UNKNOWN -> throw new IllegalArgumentException("no policy for UNKNOWN");
        };
    }

    /**
     * ESTEID2018 and EID-Q: {@code C, GN, SN, CN=SURNAME,GIVEN,CODE, serialNumber=PNOEE-CODE} (Smart-ID
     * and Mobile-ID put the PNOEE- form in CN too; another identifier type gives IDCEE-, PASEE-, ...).
     * ESTEID-SK 2015: {@code C, O=ESTEID (or ESTEID (DIGI-ID), ESTEID (DIGI-ID E-RESIDENT),
     * ESTEID (MOBIIL-ID)), OU=digital signature, CN, SN, GN, serialNumber=CODE}. E-seal: {@code C, O, organizationIdentifier, CN, serialNumber}.
     */
    static X500Name subject(PersonaSpec spec) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        String surname = spec.surname() == null ? null : spec.surname().toUpperCase(Locale.ROOT);
        String given = spec.givenName() == null ? null : spec.givenName().toUpperCase(Locale.ROOT);
        if (spec.token() == TokenType.E_SEAL) {
            return b.addRDN(BCStyle.C, "EE")
                    .addRDN(BCStyle.O, spec.organization())
                    .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "NTREE-" + spec.code())
                    .addRDN(BCStyle.CN, spec.organization())
                    .addRDN(BCStyle.SERIALNUMBER, spec.code())
                    .build();
        }
        if (spec.plainSerial()) {
            String o = switch (spec.token()) {
                case MOBILE_ID -> "ESTEID (MOBIIL-ID)";
                case DIGI_ID -> "ESTEID (DIGI-ID)";
                case E_RESIDENT_DIGI_ID -> "ESTEID (DIGI-ID E-RESIDENT)";
                default -> "ESTEID";
            };
            return b.addRDN(BCStyle.C, "EE")
                    .addRDN(BCStyle.O, o)
                    .addRDN(BCStyle.OU, "digital signature")
                    .addRDN(BCStyle.CN, surname + "," + given + "," + spec.code())
                    .addRDN(BCStyle.SURNAME, surname)
                    .addRDN(BCStyle.GIVENNAME, given)
                    .addRDN(BCStyle.SERIALNUMBER, spec.code())
                    .build();
        }
        boolean semanticCn = spec.token() == TokenType.SMART_ID || spec.token() == TokenType.MOBILE_ID;
        return b.addRDN(BCStyle.C, spec.identifierCountry())
                .addRDN(BCStyle.GIVENNAME, given)
                .addRDN(BCStyle.SURNAME, surname)
                .addRDN(BCStyle.CN, surname + "," + given + "," + (semanticCn ? spec.serialNumber() : spec.code()))
                .addRDN(BCStyle.SERIALNUMBER, spec.serialNumber())
                .build();
    }
}
