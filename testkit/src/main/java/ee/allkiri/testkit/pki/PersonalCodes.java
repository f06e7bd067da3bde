package ee.allkiri.testkit.pki;

import java.time.LocalDate;

/**
 * Makes valid Estonian personal codes ({@code GYYMMDDSSSC}, EVS 585): the century-and-sex digit,
 * the birth date, a sequence number and the modulo-11 check digit.
 *
 * @since 0.1.0
 */
public final class PersonalCodes {

    private static final int[] WEIGHTS_1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
    private static final int[] WEIGHTS_2 = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};

    private PersonalCodes() {
    }

    /**
     * A code for a person born on the day.
     *
     * @param female   the sex digit is even for women
     * @param sequence 0..999, distinguishes people born on the same day
     */
    public static String of(LocalDate birth, boolean female, int sequence) {
        if (sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("sequence 0..999");
        }
        int centuryBase = switch (birth.getYear() / 100) {
            case 18 -> 1;
            case 19 -> 3;
            case 20 -> 5;
            default -> throw new IllegalArgumentException("born 1800-2099 only");
        };
        String body = String.format("%d%02d%02d%02d%03d", centuryBase + (female ? 1 : 0), birth.getYear() % 100,
                birth.getMonthValue(), birth.getDayOfMonth(), sequence);
        return body + checkDigit(body);
    }

    /** The check digit of the first ten digits. */
    public static int checkDigit(String code) {
        int sum = weighted(code, WEIGHTS_1) % 11;
        if (sum == 10) {
            sum = weighted(code, WEIGHTS_2) % 11;
            if (sum == 10) {
                sum = 0;
            }
        }
        return sum;
    }

    /** The same code with a wrong check digit. */
    public static String withWrongCheckDigit(String code) {
        int right = code.charAt(10) - '0';
        return code.substring(0, 10) + ((right + 1) % 10);
    }

    private static int weighted(String code, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (code.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
