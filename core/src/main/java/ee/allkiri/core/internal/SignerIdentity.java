package ee.allkiri.core.internal;

import ee.allkiri.core.PersonalCode;
import ee.allkiri.core.Signer;
import ee.allkiri.core.TokenType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Reads who a certificate was issued to: names, country, the serialNumber's identifier (a
 * personal code only when it is a personal number) and the kind of token (Estonian certificate
 * policy identifiers and, for pre-2018 digi-IDs, the subject organisation; see the table in
 * TokenTypes). It reads; it does not validate the certificate.
 */
public final class SignerIdentity {

    private static final Map<String, String> OID_NAMES = Map.of(
            "2.5.4.42", "GIVENNAME",
            "2.5.4.4", "SURNAME",
            "2.5.4.5", "SERIALNUMBER",
            "2.5.4.97", "ORGANIZATIONIDENTIFIER");

    private SignerIdentity() {
    }

    /** The signer as the certificate describes it. */
    public static Signer of(X509Certificate certificate) {
        List<Rdn> subject = rdns(certificate.getSubjectX500Principal()); // each name parsed once
        String issuerCn = attribute(rdns(certificate.getIssuerX500Principal()), "CN");
        String cn = attribute(subject, "CN");
        String country = upper(attribute(subject, "C"));
        Optional<PersonalCode> identifier = PersonalCode.fromSerialNumber(attribute(subject, "SERIALNUMBER"), country);
        Optional<PersonalCode> personalNumber = identifier.filter(PersonalCode::isPersonalNumber);
        List<String> policies = policies(certificate);
        String organization = attribute(subject, "O");
        TokenType type = TokenTypes.classify(policies, identifier.isPresent(), organization);
        boolean test = TokenTypes.isTest(policies, issuerCn);
        return new Signer(cn, attribute(subject, "GIVENNAME"), attribute(subject, "SURNAME"), organization,
                identifier.map(PersonalCode::country).orElse(country),
                personalNumber.map(PersonalCode::code).orElse(null),
                personalNumber.map(PersonalCode::isWellFormed).orElse(false),
                type, test, issuerCn, sha256(certificate),
                identifier.map(PersonalCode::type).orElse(null),
                identifier.map(PersonalCode::code).orElse(null));
    }

    /** The certificate policy identifiers; empty when the extension is absent or unreadable. */
    public static List<String> policies(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue("2.5.29.32");
        if (value == null) {
            return List.of();
        }
        try {
            return Der.policyOids(value);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The first value of an attribute in a distinguished name, or null. */
    static String attribute(X500Principal name, String type) {
        return attribute(rdns(name), type);
    }

    /** The name's relative distinguished names; none when it does not parse. */
    private static List<Rdn> rdns(X500Principal name) {
        try {
            return new LdapName(name.getName(X500Principal.RFC2253, OID_NAMES)).getRdns();
        } catch (InvalidNameException e) {
            return List.of();
        }
    }

    private static String attribute(List<Rdn> rdns, String type) {
        for (Rdn rdn : rdns) {
            if (rdn.getType().equalsIgnoreCase(type)) {
                Object value = rdn.getValue();
                return value instanceof String s ? s : null;
            }
        }
        return null;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
