package ee.allkiri.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * Who signed, as read from the signer's certificate. Built by the verifier from a certificate
 * whose chain it has examined; it does not by itself say the signature is valid.
 *
 * <p>The certificate's serialNumber carries an ETSI EN 319 412-1 identifier: a personal number
 * ({@code PNOEE-38001085718}, or the bare eleven digits of old Estonian certificates), an
 * identity card number ({@code IDCEE-...}), a passport number ({@code PASEE-...}, e.g. a
 * Smart-ID account registered on a passport), ... {@code identifierType} and {@code identifier}
 * keep it as it is; {@code personalCode} is set only when it is a personal number, so a
 * document number is never taken for a person.
 *
 * @param commonName   subject CN
 * @param givenName    subject givenName, or null
 * @param surname      subject surname, or null
 * @param organization subject O, or null (e-seals)
 * @param country      the identifier's country (the subject's countryName when there is none), or null
 * @param personalCode the natural person's personal number without prefix (e.g. {@code 38001085718}); null
 *                     when the certificate names none, or names an identifier of another type
 * @param personalCodeValid whether {@code personalCode} is a personal number that passes its country's checks
 *                     (see {@link PersonalCode#isWellFormed()}); false whenever {@code personalCode} is null
 * @param tokenType    ID-card, Mobile-ID, Smart-ID, ... from the certificate policies
 * @param test         true when the certificate comes from a TEST chain
 * @param issuer       the issuing CA's common name
 * @param certificateSha256 SHA-256 of the signer certificate, hex
 * @param identifierType the ETSI identity type of the serialNumber: {@code PNO} (also for the bare form of old
 *                     certificates), {@code IDC}, {@code PAS}, {@code TIN}, ...; null when it names no natural
 *                     person's identifier (an e-seal's registry code, nothing)
 * @param identifier   the identifier without prefix (for {@code PNO} the same as {@code personalCode}), or null
 * @since 0.1.0
 */
@JsonPropertyOrder({"commonName", "givenName", "surname", "country", "personalCode", "tokenType", "test",
        "personalCodeValid", "identifierType", "identifier", "organization", "issuer", "certificateSha256"})
public record Signer(
        String commonName,
        String givenName,
        String surname,
        String organization,
        String country,
        String personalCode,
        boolean personalCodeValid,
        TokenType tokenType,
        boolean test,
        String issuer,
        String certificateSha256,
        String identifierType,
        String identifier) {

    public Signer {
        if (personalCode != null && identifierType == null) { // a report written before the identifier type was kept
            identifierType = PersonalCode.PERSONAL_NUMBER;
            identifier = personalCode;
        }
        if (personalCode != null && !PersonalCode.PERSONAL_NUMBER.equals(identifierType)) {
            throw new IllegalArgumentException("a " + identifierType + " identifier is not a personal code");
        }
        if (personalCode == null && personalCodeValid) {
            throw new IllegalArgumentException("no personal code cannot be a valid one");
        }
    }

    /**
     * A signer whose serialNumber is a personal number (or who has none): {@code identifierType}
     * is {@code PNO} when {@code personalCode} is given, else null.
     */
    public Signer(String commonName, String givenName, String surname, String organization, String country,
                  String personalCode, boolean personalCodeValid, TokenType tokenType, boolean test, String issuer,
                  String certificateSha256) {
        this(commonName, givenName, surname, organization, country, personalCode, personalCodeValid, tokenType, test,
                issuer, certificateSha256, personalCode == null ? null : PersonalCode.PERSONAL_NUMBER, personalCode);
    }

    /** The personal number as a value, when the certificate names one. */
    public Optional<PersonalCode> parsedPersonalCode() {
        if (personalCode == null || country == null) {
            return Optional.empty();
        }
        return Optional.of(new PersonalCode(country, PersonalCode.PERSONAL_NUMBER, personalCode));
    }

    /** The serialNumber's identifier as a value, whatever its type, when the certificate names one. */
    public Optional<PersonalCode> parsedIdentifier() {
        if (identifierType == null || identifier == null || country == null) {
            return Optional.empty();
        }
        return Optional.of(new PersonalCode(country, identifierType, identifier));
    }

    /** True when the certificate names an identifier that is not a personal number (an ID-card or passport number, ...). */
    @JsonIgnore
    public boolean hasOtherIdentifier() {
        return identifierType != null && !PersonalCode.PERSONAL_NUMBER.equals(identifierType);
    }

    /** True for a natural person's signature, false for an e-seal. */
    @JsonIgnore
    public boolean isNaturalPerson() {
        return tokenType != TokenType.E_SEAL;
    }
}
