package ee.allkiri.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Who signed, as read from the signer's certificate. Built by the verifier from a certificate
 * whose chain it has examined; it does not by itself say the signature is valid.
 *
 * @param commonName   subject CN
 * @param givenName    subject givenName, or null
 * @param surname      subject surname, or null
 * @param organization subject O, or null (e-seals)
 * @param country      subject countryName, or null
 * @param personalCode the natural person's code without prefix (e.g. {@code 38001085718}), or null
 * @param personalCodeValid whether {@code personalCode} passes its country's checks (see {@link PersonalCode#isWellFormed()})
 * @param tokenType    ID-card, Mobile-ID, Smart-ID, ... from the certificate policies
 * @param test         true when the certificate comes from a TEST chain
 * @param issuer       the issuing CA's common name
 * @param certificateSha256 SHA-256 of the signer certificate, hex
 */
@JsonPropertyOrder({"commonName", "givenName", "surname", "country", "personalCode", "tokenType", "test",
        "personalCodeValid", "organization", "issuer", "certificateSha256"})
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
        String certificateSha256) {

    /** The personal code as a value, when present. */
    public java.util.Optional<PersonalCode> parsedPersonalCode() {
        if (personalCode == null || country == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PersonalCode(country, "PNO", personalCode));
    }

    /** True for a natural person's signature, false for an e-seal. */
    @JsonIgnore
    public boolean isNaturalPerson() {
        return tokenType != TokenType.E_SEAL;
    }
}
