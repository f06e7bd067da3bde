package ee.allkiri.testkit.bundle;

import ee.allkiri.core.Indication;
import ee.allkiri.core.TokenType;
import ee.allkiri.core.audit.Exclusion;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one signature of a forged bundle is, and what verifying and auditing it should conclude.
 *
 * @param file               the signature's entry, e.g. {@code META-INF/signatures-12.xml}
 * @param personalCode       the signer's personal code; for a signer identified otherwise (an ID-card or passport
 *                           number, a foreign personal number) that identifier's value, see {@code serialNumber}
 * @param tokenType          ID-card, digi-ID, e-resident digi-ID, Mobile-ID or Smart-ID
 * @param defect             what was planted
 * @param expectedIndication the verdict a verifier should give the signature
 * @param counted            whether an audit should count it
 * @param exclusions         why an audit should not count it, in the order the audit lists them; empty when counted
 * @param timestamp          the signature time-stamp's time (the best signature time)
 * @param serialNumber       the certificate's serialNumber: {@code PNOEE-...}, {@code PASEE-...}, ..., or the bare
 *                           personal code of an old certificate
 *
 * @since 0.1.0
 */
public record AnswerKeyRow(String file, String personalCode, TokenType tokenType, PlantedDefect defect,
                           Indication expectedIndication, boolean counted, List<Exclusion> exclusions, Instant timestamp,
                           String serialNumber) {

    public AnswerKeyRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(personalCode, "personalCode");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(defect, "defect");
        Objects.requireNonNull(expectedIndication, "expectedIndication");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(serialNumber, "serialNumber");
        exclusions = List.copyOf(exclusions);
        if (counted != exclusions.isEmpty()) {
            throw new IllegalArgumentException("a row is counted or has exclusions, not both or neither");
        }
    }

    /** The first reason it does not count, or null when it counts. */
    public Exclusion exclusion() {
        return exclusions.isEmpty() ? null : exclusions.get(0);
    }

    /** The CSV header of {@link #csv()}. */
    public static final String HEADER =
            "file,personal_code,token_type,planted_defect,expected_indication,counted,exclusion,timestamp,serial_number";

    /** One CSV line (no field needs quoting; several exclusions are separated by spaces). */
    public String csv() {
        return String.join(",", file, personalCode, tokenType.name(), defect.name(), expectedIndication.name(),
                String.valueOf(counted), exclusions.stream().map(Enum::name).collect(Collectors.joining(" ")),
                timestamp.toString(), serialNumber);
    }

    /** Parses a line written by {@link #csv()}; a line of the eight fields of earlier keys is a {@code PNOEE-} signer. */
    public static AnswerKeyRow parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 9 && f.length != 8) {
            throw new IllegalArgumentException("an answer key line has 9 fields: " + line);
        }
        List<Exclusion> exclusions = f[6].isBlank() ? List.of()
                : Arrays.stream(f[6].trim().split(" +")).map(Exclusion::valueOf).toList();
        return new AnswerKeyRow(f[0], f[1], TokenType.valueOf(f[2]), PlantedDefect.valueOf(f[3]), Indication.valueOf(f[4]),
                Boolean.parseBoolean(f[5]), exclusions, Instant.parse(f[7]), f.length == 9 ? f[8] : "PNOEE-" + f[1]);
    }
}
