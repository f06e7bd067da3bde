package ee.allkiri.testkit.pki;

import ee.allkiri.core.TokenType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a signer's certificate should say and how it should behave. Build one with a factory
 * ({@link #idCard}, {@link #mobileId}, {@link #smartId}, {@link #eSeal}, ...) and adjust it with
 * the {@code with...} methods; {@link TestPki#persona(PersonaSpec)} issues the certificate.
 * Equal specs give the same persona.
 *
 * @param token          the token the certificate is for (its policy OIDs and issuing CA follow)
 * @param givenName      given name (for an e-seal: null)
 * @param surname        surname (for an e-seal: null)
 * @param code           Estonian personal code, 11 digits; for an e-seal the 8-digit registry code; with another
 *                       {@code identifierType} the identifier (an ID-card or passport number, ...)
 * @param organization   the organization of an e-seal, else null
 * @param plainSerial    the pre-2018 form: serialNumber is the bare code, issued by the ESTEID-SK 2015-like CA (for a
 *                       pre-2018 e-resident digi-ID: subject organisation {@code ESTEID (DIGI-ID E-RESIDENT)} and the
 *                       digi-ID policy 1.3.6.1.4.1.10015.1.2, as SK issued them)
 * @param testChain      issued by the "TEST of" CA
 * @param nonRepudiation whether keyUsage has nonRepudiation (signing certificates do)
 * @param notBefore      start of validity, or null for the PKI's default
 * @param notAfter       end of validity, or null for the PKI's default
 * @param revokedAt      revocation time, or null when not revoked
 * @param identifierType the ETSI EN 319 412-1 type of the serialNumber: {@code PNO} (personal number, the default),
 *                       {@code IDC} (identity card), {@code PAS} (passport), ...
 * @param identifierCountry the serialNumber's country, also the subject's countryName (default {@code EE})
 * @param quirks         what makes the certificate no signing certificate (usually none)
 * @param ocspUrl        the OCSP responder URL its AIA names, or null for the PKI's URL for the issuing CA
 * @since 0.1.0
 */
public record PersonaSpec(TokenType token, String givenName, String surname, String code, String organization,
                          boolean plainSerial, boolean testChain, boolean nonRepudiation,
                          Instant notBefore, Instant notAfter, Instant revokedAt, String identifierType,
                          String identifierCountry, Set<CertificateQuirk> quirks, String ocspUrl) {

    /** An Estonian personal number's spec without quirks (the form before identifiers and quirks existed). */
    public PersonaSpec(TokenType token, String givenName, String surname, String code, String organization,
                       boolean plainSerial, boolean testChain, boolean nonRepudiation,
                       Instant notBefore, Instant notAfter, Instant revokedAt) {
        this(token, givenName, surname, code, organization, plainSerial, testChain, nonRepudiation, notBefore, notAfter,
                revokedAt, "PNO", "EE", Set.of());
    }

    /** A spec without quirks. */
    public PersonaSpec(TokenType token, String givenName, String surname, String code, String organization,
                       boolean plainSerial, boolean testChain, boolean nonRepudiation,
                       Instant notBefore, Instant notAfter, Instant revokedAt, String identifierType,
                       String identifierCountry) {
        this(token, givenName, surname, code, organization, plainSerial, testChain, nonRepudiation, notBefore, notAfter,
                revokedAt, identifierType, identifierCountry, Set.of());
    }

    /** A spec whose AIA names the PKI's OCSP URL (the form before {@code ocspUrl} existed). */
    public PersonaSpec(TokenType token, String givenName, String surname, String code, String organization,
                       boolean plainSerial, boolean testChain, boolean nonRepudiation,
                       Instant notBefore, Instant notAfter, Instant revokedAt, String identifierType,
                       String identifierCountry, Set<CertificateQuirk> quirks) {
        this(token, givenName, surname, code, organization, plainSerial, testChain, nonRepudiation, notBefore, notAfter,
                revokedAt, identifierType, identifierCountry, quirks, null);
    }

    public PersonaSpec {
        quirks = quirks == null || quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(identifierType, "identifierType");
        Objects.requireNonNull(identifierCountry, "identifierCountry");
        if (!identifierType.matches("[A-Z]{3}") || !identifierCountry.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("an identifier type is three capital letters, a country two");
        }
        if (plainSerial && !(identifierType.equals("PNO") && identifierCountry.equals("EE"))) {
            throw new IllegalArgumentException("the plain serialNumber form is an Estonian personal number");
        }
        if (token == TokenType.UNKNOWN) {
            throw new IllegalArgumentException("a persona needs a token type");
        }
        if (token == TokenType.E_SEAL ? organization == null : givenName == null || surname == null) {
            throw new IllegalArgumentException("a person needs names, an e-seal an organization");
        }
        if (plainSerial && token != TokenType.ID_CARD && token != TokenType.DIGI_ID && token != TokenType.MOBILE_ID
                && token != TokenType.E_RESIDENT_DIGI_ID) {
            throw new IllegalArgumentException("the plain serialNumber form exists for ID-card, digi-ID, e-resident digi-ID "
                    + "and Mobile-ID");
        }
    }

    private static PersonaSpec person(TokenType token, String given, String surname, String code) {
        return new PersonaSpec(token, given, surname, code, null, false, false, true, null, null, null, "PNO", "EE");
    }

    /** An ESTEID2018-era ID-card. */
    public static PersonaSpec idCard(String given, String surname, String code) {
        return person(TokenType.ID_CARD, given, surname, code);
    }

    /** An ESTEID2018-era digi-ID. */
    public static PersonaSpec digiId(String given, String surname, String code) {
        return person(TokenType.DIGI_ID, given, surname, code);
    }

    /** An ESTEID2018-era e-resident digi-ID (its own policy, 1.3.6.1.4.1.51361.1.1.4); {@link #withPlainSerial()} gives the pre-2018 one. */
    public static PersonaSpec eResidentDigiId(String given, String surname, String code) {
        return person(TokenType.E_RESIDENT_DIGI_ID, given, surname, code);
    }

    /** A qualified Mobile-ID certificate of an EID-Q-like CA. */
    public static PersonaSpec mobileId(String given, String surname, String code) {
        return person(TokenType.MOBILE_ID, given, surname, code);
    }

    /** A qualified Smart-ID certificate of an EID-Q-like CA (RSA). */
    public static PersonaSpec smartId(String given, String surname, String code) {
        return person(TokenType.SMART_ID, given, surname, code);
    }

    /** A qualified e-seal of an organization with an 8-digit registry code. */
    public static PersonaSpec eSeal(String organization, String registryCode) {
        return new PersonaSpec(TokenType.E_SEAL, null, null, registryCode, organization, false, false, true,
                null, null, null, "PNO", "EE");
    }

    /** The same, with the bare code as serialNumber (ESTEID-SK 2015 style). */
    public PersonaSpec withPlainSerial() {
        return new PersonaSpec(token, givenName, surname, code, organization, true, testChain, nonRepudiation,
                notBefore, notAfter, revokedAt, identifierType,
                identifierCountry, quirks, ocspUrl);
    }

    /** The same, issued by the TEST CA. */
    public PersonaSpec withTestChain() {
        return new PersonaSpec(token, givenName, surname, code, organization, plainSerial, true, nonRepudiation,
                notBefore, notAfter, revokedAt, identifierType,
                identifierCountry, quirks, ocspUrl);
    }

    /** The same, without nonRepudiation (an authentication certificate). */
    public PersonaSpec withoutNonRepudiation() {
        return new PersonaSpec(token, givenName, surname, code, organization, plainSerial, testChain, false,
                notBefore, notAfter, revokedAt, identifierType,
                identifierCountry, quirks, ocspUrl);
    }

    public PersonaSpec withValidity(Instant from, Instant until) {
        return new PersonaSpec(token, givenName, surname, code, organization, plainSerial, testChain, nonRepudiation,
                from, until, revokedAt, identifierType,
                identifierCountry, quirks, ocspUrl);
    }

    public PersonaSpec withRevokedAt(Instant at) {
        return new PersonaSpec(token, givenName, surname, code, organization, plainSerial, testChain, nonRepudiation,
                notBefore, notAfter, at, identifierType,
                identifierCountry, quirks, ocspUrl);
    }

    /**
     * The same person with another serialNumber identifier, e.g. {@code withIdentifier("PAS", "EE", "K0123456")} for a
     * Smart-ID account registered on a passport, {@code ("IDC", "EE", "AB1234567")} for an identity card number, or
     * {@code ("PNO", "LV", "321806-14495")} for a Latvian personal number.
     */
    public PersonaSpec withIdentifier(String type, String country, String value) {
        return new PersonaSpec(token, givenName, surname, value, organization, plainSerial, testChain, nonRepudiation,
                notBefore, notAfter, revokedAt, type, country, quirks, ocspUrl);
    }

    /** The same, with a certificate quirk added (a certificate that is no signing certificate). */
    public PersonaSpec withQuirk(CertificateQuirk quirk) {
        Set<CertificateQuirk> more = EnumSet.noneOf(CertificateQuirk.class);
        more.addAll(quirks);
        more.add(quirk);
        return new PersonaSpec(token, givenName, surname, code, organization, plainSerial, testChain, nonRepudiation,
                notBefore, notAfter, revokedAt, identifierType, identifierCountry, more, ocspUrl);
    }

    /** The same, with an AIA naming this OCSP responder URL (e.g. a loopback one) instead of the PKI's. */
    public PersonaSpec withOcspUrl(String url) {
        return new PersonaSpec(token, givenName, surname, code, organization, plainSerial, testChain, nonRepudiation,
                notBefore, notAfter, revokedAt, identifierType, identifierCountry, quirks, Objects.requireNonNull(url, "url"));
    }

    public boolean has(CertificateQuirk quirk) {
        return quirks.contains(quirk);
    }

    /** The serialNumber: {@code PNOEE-38001085718}, {@code PASEE-K0123456}, ... or the bare code of the plain form. */
    public String serialNumber() {
        return plainSerial || token == TokenType.E_SEAL ? code : identifierType + identifierCountry + "-" + code;
    }

    /** A label that identifies the persona (its key and serial number derive from it). */
    String label() {
        String label = token + ":" + code + ":" + givenName + ":" + surname + ":" + organization + ":" + plainSerial + ":"
                + testChain + ":" + nonRepudiation + ":" + notBefore + ":" + notAfter + ":" + revokedAt;
        // personal numbers of Estonia without quirks keep the label they always had, so that existing seeds give the same bytes
        if (!(identifierType.equals("PNO") && identifierCountry.equals("EE"))) {
            label += ":" + identifierType + identifierCountry;
        }
        String quirked = quirks.isEmpty() ? label : label + ":" + new java.util.TreeSet<>(quirks);
        // likewise without an OCSP URL of its own
        return ocspUrl == null ? quirked : quirked + ":" + ocspUrl;
    }
}
