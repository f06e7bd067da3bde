package ee.allkiri.cli;

import ee.allkiri.core.audit.AuditPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The command line's instants: ISO-8601 instants, or dates taken in Tallinn time. */
final class Times {

    private Times() {
    }

    /**
     * An instant, or a date taken as the start (or the end) of that day in Tallinn.
     *
     * @param option   the option's name, for the error message
     * @param endOfDay a date means its end (for {@code --until}: up to the next day's 00:00, exclusive) instead of
     *                 its start ({@link AuditPolicy#endOfDay(LocalDate)})
     */
    static Instant instant(String option, String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? AuditPolicy.endOfDay(day, AuditPolicy.ESTONIA) : AuditPolicy.startOfDay(day, AuditPolicy.ESTONIA);
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException(option + " expects an instant (2026-03-01T00:00:00Z) or a date"
                        + " (2026-03-01, " + (endOfDay ? "through its end" : "from 00:00") + " Tallinn time), not '"
                        + value + "'");
            }
        }
    }
}
