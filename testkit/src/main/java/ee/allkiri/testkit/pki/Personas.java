package ee.allkiri.testkit.pki;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Named signers of one test PKI, for tests that want "an ID-card signer" or "a revoked
 * signer" without describing certificates. Times are relative to the PKI's epoch: the revoked
 * persona was revoked 30 days before it, the expired one expired the day before it, the
 * not-yet-valid one becomes valid the day after. Thread-safe.
 *
 * @since 0.1.0
 */
public final class Personas {

    private static final Duration DAY = Duration.ofDays(1);

    private final TestPki pki;

    public Personas(TestPki pki) {
        this.pki = pki;
    }

    /** An ESTEID2018-like ID-card with the {@code PNOEE-} serialNumber. */
    public Persona idCard() {
        return pki.persona(PersonaSpec.idCard("Kadri", "Tamm", PersonalCodes.of(LocalDate.of(1985, 3, 12), true, 21)));
    }

    /** A pre-2018 ID-card: the bare code as serialNumber, ESTEID-SK 2015-like CA. */
    public Persona plainIdCard() {
        return pki.persona(PersonaSpec.idCard("Jaan", "Kask", PersonalCodes.of(LocalDate.of(1961, 11, 2), false, 37))
                .withPlainSerial());
    }

    public Persona digiId() {
        return pki.persona(PersonaSpec.digiId("Mart", "Saar", PersonalCodes.of(LocalDate.of(1979, 7, 30), false, 112)));
    }

    public Persona eResident() {
        return pki.persona(PersonaSpec.eResidentDigiId("Aino", "Virtanen", PersonalCodes.of(LocalDate.of(1990, 1, 5), true, 406)));
    }

    /** A pre-2018 e-resident digi-ID: the bare code, the digi-ID policy 1.3.6.1.4.1.10015.1.2, O=ESTEID (DIGI-ID E-RESIDENT). */
    public Persona oldEResident() {
        return pki.persona(PersonaSpec.eResidentDigiId("Pekka", "Korhonen", PersonalCodes.of(LocalDate.of(1983, 8, 19), false, 520))
                .withPlainSerial());
    }

    /** An ID-card whose serialNumber is the card's number ({@code IDCEE-AB1234567}), not a personal number. */
    public Persona idCardNumber() {
        return pki.persona(PersonaSpec.idCard("Ene", "Number", "AB1234567").withIdentifier("IDC", "EE", "AB1234567"));
    }

    /** The {@link #idCard()} holder's Smart-ID account registered on her passport ({@code PASEE-K0123456}). */
    public Persona passportSmartId() {
        return pki.persona(PersonaSpec.smartId("Kadri", "Tamm", "K0123456").withIdentifier("PAS", "EE", "K0123456"));
    }

    public Persona mobileId() {
        return pki.persona(PersonaSpec.mobileId("Liis", "Mägi", PersonalCodes.of(LocalDate.of(2001, 9, 17), true, 8)));
    }

    public Persona smartId() {
        return pki.persona(PersonaSpec.smartId("Peeter", "Õun", PersonalCodes.of(LocalDate.of(1968, 4, 23), false, 250)));
    }

    public Persona eSeal() {
        return pki.persona(PersonaSpec.eSeal("Testkit Riigikantselei", "70000001"));
    }

    /** An ID-card of the TEST CA. */
    public Persona test() {
        return pki.persona(PersonaSpec.idCard("Mari", "Test", PersonalCodes.of(LocalDate.of(1980, 1, 8), true, 571))
                .withTestChain());
    }

    /** An ID-card revoked 30 days before the epoch. */
    public Persona revoked() {
        return pki.persona(PersonaSpec.idCard("Toomas", "Tühistatud", PersonalCodes.of(LocalDate.of(1975, 5, 5), false, 13))
                .withRevokedAt(pki.epoch().minus(Duration.ofDays(30))));
    }

    /** An ID-card that expired the day before the epoch. */
    public Persona expired() {
        return pki.persona(PersonaSpec.idCard("Ülle", "Aegunud", PersonalCodes.of(LocalDate.of(1958, 12, 24), true, 77))
                .withValidity(pki.epoch().minus(Duration.ofDays(5 * 365)), pki.epoch().minus(DAY)));
    }

    /** An ID-card that becomes valid the day after the epoch. */
    public Persona notYetValid() {
        return pki.persona(PersonaSpec.idCard("Rein", "Tulevik", PersonalCodes.of(LocalDate.of(1999, 2, 28), false, 301))
                .withValidity(pki.epoch().plus(DAY), pki.epoch().plus(Duration.ofDays(5 * 365))));
    }

    /** An authentication certificate: no nonRepudiation. */
    public Persona authentication() {
        return pki.persona(PersonaSpec.idCard("Kadri", "Tamm", PersonalCodes.of(LocalDate.of(1985, 3, 12), true, 21))
                .withoutNonRepudiation());
    }

    /** An ID-card whose certificate has a critical extension no verifier knows ({@link CertificateQuirk#UNKNOWN_CRITICAL_EXTENSION}). */
    public Persona unknownCriticalExtension() {
        return quirky("Urmas", "Tundmatu", LocalDate.of(1972, 8, 14), false, 215, CertificateQuirk.UNKNOWN_CRITICAL_EXTENSION);
    }

    /** An ID-card whose certificate says cA=true ({@link CertificateQuirk#CA}). */
    public Persona caCertificate() {
        return quirky("Kaia", "Keskus", LocalDate.of(1983, 2, 21), true, 64, CertificateQuirk.CA);
    }

    /** An ID-card whose certificate's extended key usage is time-stamping only ({@link CertificateQuirk#TIME_STAMPING}). */
    public Persona timeStampingCertificate() {
        return quirky("Tiit", "Tempel", LocalDate.of(1969, 10, 3), false, 88, CertificateQuirk.TIME_STAMPING);
    }

    /** An ID-card whose certificate's extended key usage is OCSP signing only ({@link CertificateQuirk#OCSP_SIGNING}). */
    public Persona ocspSigningCertificate() {
        return quirky("Olev", "Vastaja", LocalDate.of(1977, 4, 9), false, 190, CertificateQuirk.OCSP_SIGNING);
    }

    /** An ID-card whose certificate's extended key usage is clientAuth only ({@link CertificateQuirk#CLIENT_AUTH}). */
    public Persona clientAuthOnly() {
        return quirky("Anu", "Autent", LocalDate.of(1994, 12, 30), true, 311, CertificateQuirk.CLIENT_AUTH);
    }

    private Persona quirky(String given, String surname, LocalDate birth, boolean female, int sequence,
                           CertificateQuirk quirk) {
        return pki.persona(PersonaSpec.idCard(given, surname, PersonalCodes.of(birth, female, sequence)).withQuirk(quirk));
    }

    /** An ID-card whose personal code has a wrong check digit. */
    public Persona badChecksum() {
        return pki.persona(PersonaSpec.idCard("Vello", "Viga",
                PersonalCodes.withWrongCheckDigit(PersonalCodes.of(LocalDate.of(1970, 6, 1), false, 444))));
    }
}
