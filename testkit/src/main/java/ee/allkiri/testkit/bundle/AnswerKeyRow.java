package ee.allkiri.testkit.bundle;

import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.core.Indication;
import ee.allkiri.core.TokenType;
import java.time.Instant;
import java.util.Objects;

/**
 * What one signature of a forged bundle is, and what verifying and auditing it should conclude.
 *
 * @param file               the signature's entry, e.g. {@code META-INF/signatures-12.xml}
 * @param personalCode       the signer's personal code
 * @param tokenType          ID-card, digi-ID, Mobile-ID or Smart-ID
 * @param defect             what was planted
 * @param expectedIndication the verdict a verifier should give the signature
 * @param counted            whether an audit should count it
 * @param exclusion          why an audit should not count it, or null when counted
 * @param timestamp          the signature time-stamp's time (the best signature time)
 */
public record AnswerKeyRow(String file, String personalCode, TokenType tokenType, PlantedDefect defect,
                           Indication expectedIndication, boolean counted, Exclusion exclusion, Instant timestamp) {

    public AnswerKeyRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(personalCode, "personalCode");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(defect, "defect");
        Objects.requireNonNull(expectedIndication, "expectedIndication");
        Objects.requireNonNull(timestamp, "timestamp");
        if (counted == (exclusion != null)) {
            throw new IllegalArgumentException("a row is counted or has an exclusion, not both or neither");
        }
    }

    /** The CSV header of {@link #csv()}. */
    public static final String HEADER = "file,personal_code,token_type,planted_defect,expected_indication,counted,exclusion,timestamp";

    /** One CSV line (no field needs quoting). */
    public String csv() {
        return String.join(",", file, personalCode, tokenType.name(), defect.name(), expectedIndication.name(),
                String.valueOf(counted), exclusion == null ? "" : exclusion.name(), timestamp.toString());
    }

    /** Parses a line written by {@link #csv()}. */
    public static AnswerKeyRow parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("an answer key line has 8 fields: " + line);
        }
        return new AnswerKeyRow(f[0], f[1], TokenType.valueOf(f[2]), PlantedDefect.valueOf(f[3]), Indication.valueOf(f[4]),
                Boolean.parseBoolean(f[5]), f[6].isEmpty() ? null : Exclusion.valueOf(f[6]), Instant.parse(f[7]));
    }
}
