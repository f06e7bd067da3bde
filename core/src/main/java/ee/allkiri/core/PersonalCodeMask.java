package ee.allkiri.core;

import java.util.Locale;
import java.util.Objects;

/**
 * How personal codes are printed in reports that get published. An Estonian code
 * {@code GYYMMDDSSSC} starts with the sex and century digit and the birth date, so a mask that
 * keeps the start would reveal both; these masks keep the end ({@link PersonalCode#masked()} uses
 * {@link #PUBLISHED}).
 *
 * <p>A code shorter than what a mask keeps is replaced by stars entirely.
 *
 * @since 0.1.0
 */
public enum PersonalCodeMask {

    /** The code in full, for the auditor's own copy (e.g. the population-register query). */
    NONE(-1),
    /**
     * Only the serial number and the check digit ({@code *******5718}): no birth date, no sex.
     * The default for published reports.
     */
    SERIAL(4),
    /** Only the last two digits ({@code *********18}): enough to tell rows apart by eye. */
    LAST_TWO(2);

    private final int kept;

    PersonalCodeMask(int kept) {
        this.kept = kept;
    }

    /** The mask for published reports: {@link #SERIAL}. */
    public static final PersonalCodeMask PUBLISHED = SERIAL;

    /** The code as this mask prints it; null stays null. */
    public String apply(String code) {
        if (code == null || kept < 0) {
            return code;
        }
        int keep = code.length() > kept ? kept : 0;
        return "*".repeat(code.length() - keep) + code.substring(code.length() - keep);
    }

    /** {@code text} with every occurrence of {@code code} replaced by its masked form (common names, messages). */
    public String applyWithin(String text, String code) {
        if (text == null || code == null || code.isEmpty() || kept < 0) {
            return text;
        }
        return text.replace(code, apply(code));
    }

    /** The command-line spelling: {@code none}, {@code serial}, {@code last-two}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@link #optionValue()}, in any case. */
    public static PersonalCodeMask fromOptionValue(String value) {
        Objects.requireNonNull(value, "value");
        for (PersonalCodeMask m : values()) {
            if (m.optionValue().equalsIgnoreCase(value.strip()) || m.name().equalsIgnoreCase(value.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("no personal-code mask '" + value + "': none, serial or last-two");
    }
}
