package ee.allkiri.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A natural person's identifier from a certificate's serialNumber attribute: either the
 * ETSI EN 319 412-1 semantic form ({@code PNOEE-38001085718}, but also {@code IDCEE-AB1234567},
 * {@code PASEE-K0123456}, {@code TINEE-...}, ...) or, on older Estonian certificates, the plain
 * eleven-digit personal number {@code 38001085718} with the country taken from the subject (a
 * plain eight-digit serialNumber is a company registry code, not a person).
 *
 * <p>Only a personal number ({@code PNO}, which the plain form is) is a personal code: it names
 * one person for life and, in Estonia, their birth date. An identity card number ({@code IDC})
 * or a passport number ({@code PAS}) names a document; {@link #isPersonalNumber()} tells them
 * apart, and {@link #isWellFormed()} is never true for them. For Estonian personal numbers
 * ({@code GYYMMDDSSSC}, EVS 585) the check digit, the century digit and the birth date are
 * verified; personal numbers of other countries are kept as given.
 *
 * @param country ISO 3166 alpha-2 country code, upper case
 * @param type    the ETSI EN 319 412-1 identity type: {@code PNO}, {@code IDC}, {@code PAS}, {@code TIN}, ...
 * @param code    the identifier without prefix
 * @since 0.1.0
 */
public record PersonalCode(String country, String type, String code) {

    /** The ETSI identity type of a personal number. */
    public static final String PERSONAL_NUMBER = "PNO";

    private static final Pattern SEMANTIC = Pattern.compile("([A-Z]{3})([A-Z]{2})-(.+)");
    private static final Pattern ESTONIAN = Pattern.compile("[1-8]\\d{10}");
    private static final int[] WEIGHTS_1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
    private static final int[] WEIGHTS_2 = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};

    public PersonalCode {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
    }

    /**
     * Reads a certificate's serialNumber attribute.
     *
     * @param serialNumber   the subject's serialNumber (OID 2.5.4.5), may be null
     * @param subjectCountry the subject's countryName, used for the plain form; may be null
     */
    public static Optional<PersonalCode> fromSerialNumber(String serialNumber, String subjectCountry) {
        if (serialNumber == null || serialNumber.isBlank()) {
            return Optional.empty();
        }
        String value = serialNumber.trim();
        Matcher m = SEMANTIC.matcher(value);
        if (m.matches()) {
            return Optional.of(new PersonalCode(m.group(2), m.group(1), m.group(3)));
        }
        if (subjectCountry != null && subjectCountry.equalsIgnoreCase("EE") && value.length() == 11
                && value.chars().allMatch(Character::isDigit)) {
            return Optional.of(new PersonalCode("EE", PERSONAL_NUMBER, value));
        }
        return Optional.empty();
    }

    /** Parses a bare Estonian code or the {@code PNOEE-} form; anything else (an {@code IDCEE-} number, ...) is refused. */
    public static PersonalCode estonian(String code) {
        return fromSerialNumber(code, "EE").filter(PersonalCode::isEstonian)
                .orElseThrow(() -> new IllegalArgumentException("not an Estonian personal code: " + code));
    }

    /** True for a personal number ({@code PNO}, or the plain form of old certificates); false for document numbers and others. */
    public boolean isPersonalNumber() {
        return type.equals(PERSONAL_NUMBER);
    }

    /** True for an Estonian personal number. */
    public boolean isEstonian() {
        return country.equals("EE") && isPersonalNumber();
    }

    /**
     * True when this is a personal number that passes the checks known for its country: for
     * Estonia the format, century digit, calendar date and check digit; personal numbers of other
     * countries are not checked and pass. Never true for an identifier that is not a personal
     * number ({@code IDC}, {@code PAS}, ...), whatever its digits.
     */
    public boolean isWellFormed() {
        if (!isPersonalNumber()) {
            return false;
        }
        if (!isEstonian()) {
            return true;
        }
        return ESTONIAN.matcher(code).matches() && code.charAt(0) <= '6' && birthDate().isPresent()
                && checkDigit(code) == code.charAt(10) - '0';
    }

    /** The birth date encoded in an Estonian personal number; empty for other countries, other identifiers or an impossible date. */
    public Optional<LocalDate> birthDate() {
        if (!isEstonian() || !ESTONIAN.matcher(code).matches()) {
            return Optional.empty();
        }
        int century = switch (code.charAt(0)) {
            case '1', '2' -> 1800;
            case '3', '4' -> 1900;
            case '5', '6' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return Optional.empty();
        }
        int year = century + Integer.parseInt(code.substring(1, 3));
        int month = Integer.parseInt(code.substring(3, 5));
        int day = Integer.parseInt(code.substring(5, 7));
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Full years of age on the given day, when the birth date is known. */
    public Optional<Integer> ageOn(LocalDate day) {
        return birthDate().map(birth -> Period.between(birth, day).getYears());
    }

    /**
     * The code as published reports print it: {@link PersonalCodeMask#PUBLISHED}, only the serial
     * number and check digit ({@code *******5718}), so that neither the birth date nor the sex shows.
     */
    public String masked() {
        return PersonalCodeMask.PUBLISHED.apply(code);
    }

    /** The ETSI form, e.g. {@code PNOEE-38001085718}. */
    public String semanticForm() {
        return type + country + "-" + code;
    }

    /** The Estonian check digit of the first ten digits (EVS 585 modulo-11 with two weight rounds). */
    static int checkDigit(String code) {
        int sum = weightedSum(code, WEIGHTS_1) % 11;
        if (sum == 10) {
            sum = weightedSum(code, WEIGHTS_2) % 11;
            if (sum == 10) {
                sum = 0;
            }
        }
        return sum;
    }

    private static int weightedSum(String code, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (code.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    @Override
    public String toString() {
        return semanticForm();
    }
}
